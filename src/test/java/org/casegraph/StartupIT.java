package org.casegraph;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.casegraph.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, started as a person would: it serves when all is well, and otherwise
 * stops at once with one line that names the problem.
 */
class StartupIT {

    private static final Duration START = Duration.ofSeconds(90);

    private static final String COPIED = "copied the database this jar was built with";

    @TempDir
    Path temp;

    @Test
    void startsServesAndStopsCleanlyOnSigterm() throws Exception {
        Path data = this.temp.resolve("data");
        try (JarProcess jar = JarProcess.start("--server.port=0", "--casegraph.embedded.bolt-port=0",
                "--casegraph.data-dir=" + data)) {
            int port = jar.awaitStarted(START);
            System.out.printf("cold start: ready after %d ms%n", jar.sinceStart().toMillis());
            assertThat(jar.output()).contains(COPIED);
            assertThat(get(port, "/actuator/health")).contains("\"status\":\"UP\"");
            assertThat(post(port, "{\"query\":\"{ entity(id: \\\"person/alexander-trofimov\\\") { name } }\"}"))
                .contains("Alexander Trofimov");
            long stopping = System.nanoTime();
            jar.terminate();
            jar.awaitExit(Duration.ofSeconds(10));
            long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
            System.out.printf("SIGTERM: exited after %d ms%n", stopMillis);
            assertThat(stopMillis).as("shutdown time in ms").isLessThan(3000);
        }
        try (JarProcess again = JarProcess.start("--server.port=0", "--casegraph.embedded.bolt-port=0",
                "--casegraph.data-dir=" + data)) {
            int port = again.awaitStarted(START);
            System.out.printf("restart: ready after %d ms%n", again.sinceStart().toMillis());
            assertThat(again.output()).contains("Seed data not loaded (casegraph.seed.mode=auto, database not empty)");
            assertThat(get(port, "/actuator/health")).contains("\"status\":\"UP\"");
            again.terminate();
            again.awaitExit(Duration.ofSeconds(10));
        }
        assertThat(neo4jLog(data)).as("Neo4j's log after a SIGTERM and a restart")
            .doesNotContainPattern("(?i)recovery (required|completed|started)|starting recovery");
    }

    /**
     * The README's one command for a class archive, then a cold start from it on an empty
     * data folder; the figure is printed beside the plain jar's. The archive is the one
     * the JDK running the build makes: an AOT cache from JDK 25 on (JEP 483 and 515:
     * classes loaded and linked, and method profiles), a class-data archive before it
     * (AppCDS). {@code -XX:AOTMode=on} and {@code -Xshare:on} make a start that cannot
     * use the archive fail instead of quietly starting without it.
     */
    @Test
    void startsFromTheClassArchiveTheReadmeMakes() throws Exception {
        ClassArchive archive = ClassArchive.forThisJdk();
        try (JarProcess extract = JarProcess.java(this.temp,
                List.of("-Djarmode=tools", "-jar", JarProcess.jar().toString(), "extract", "--destination", "app"))) {
            assertThat(extract.awaitExit(Duration.ofSeconds(60))).as(extract.output()).isZero();
        }
        try (JarProcess training = JarProcess.java(this.temp,
                List.of(archive.create(), "-Dspring.context.exit=onRefresh", "-jar", "app/casegraph.jar",
                        "--server.port=0", "--casegraph.embedded.bolt-port=0",
                        "--casegraph.data-dir=" + this.temp.resolve("training")))) {
            assertThat(training.awaitExit(START)).as(training.output()).isZero();
        }
        assertThat(this.temp.resolve(archive.file())).isNotEmptyFile();
        try (JarProcess jar = JarProcess.java(this.temp,
                List.of("-Xmx256m", archive.required(), archive.use(), "-jar", "app/casegraph.jar", "--server.port=0",
                        "--casegraph.embedded.bolt-port=0", "--casegraph.data-dir=" + this.temp.resolve("data")))) {
            int port = jar.awaitStarted(START);
            System.out.printf("cold start with the %s: ready after %d ms%n", archive.name(),
                    jar.sinceStart().toMillis());
            assertThat(get(port, "/actuator/health")).contains("\"status\":\"UP\"");
            jar.terminate();
            jar.awaitExit(Duration.ofSeconds(10));
        }
    }

    /**
     * The JVM options that make a class archive in {@code file} and start from it, and
     * the one that makes a start fail when it cannot use it.
     */
    private record ClassArchive(String name, String file, String createOption, String required, String useOption) {

        static ClassArchive forThisJdk() {
            if (Runtime.version().feature() >= 25) {
                return new ClassArchive("AOT cache", "app/casegraph.aot", "-XX:AOTCacheOutput=", "-XX:AOTMode=on",
                        "-XX:AOTCache=");
            }
            return new ClassArchive("class-data archive", "app/casegraph.jsa", "-XX:ArchiveClassesAtExit=",
                    "-Xshare:on", "-XX:SharedArchiveFile=");
        }

        String create() {
            return this.createOption + this.file;
        }

        String use() {
            return this.useOption + this.file;
        }

    }

    /**
     * A first start copies the database the build made from the seed data instead of
     * making it: the copy holds what making it holds, but for the times things were
     * written.
     */
    @Test
    void theDatabaseAFirstStartCopiesHoldsWhatMakingItWouldHave() throws Exception {
        List<String> copied = backupOfAFirstStart("copied", true);
        List<String> made = backupOfAFirstStart("made", false);
        assertThat(made).hasSizeGreaterThan(500);
        assertThat(copied).isEqualTo(made);
    }

    private List<String> backupOfAFirstStart(String name, boolean prebuilt) throws Exception {
        Path file = this.temp.resolve(name + ".jsonl");
        try (JarProcess jar = JarProcess.start("backup", file.toString(), "--casegraph.embedded.bolt-port=0",
                "--casegraph.data-dir=" + this.temp.resolve(name), "--casegraph.seed.mode=auto",
                "--casegraph.seed.prebuilt=" + prebuilt, "--logging.level.org.casegraph=info")) {
            assertThat(jar.awaitExit(START)).as(jar.output()).isZero();
            assertThat(jar.output().contains(COPIED)).as(jar.output()).isEqualTo(prebuilt);
        }
        return Files.readAllLines(file)
            .stream()
            .map((line) -> line.replaceAll("\\{\"\\$datetime\":\"[^\"]*\"}", "{\"\\$datetime\":\"(when)\"}"))
            .toList();
    }

    @Test
    void runsAgainstAnExternalNeo4jAndSeedsItOnlyWhenAsked() throws Exception {
        int boltPort = freePort();
        DatabaseManagementService neo4j = new DatabaseManagementServiceBuilder(this.temp.resolve("external"))
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
            .build();
        try {
            String uri = "--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort;
            String health = null;
            for (int run = 1; run <= 2; run++) {
                try (JarProcess jar = JarProcess.start("--server.port=0", uri, "--casegraph.seed.mode=always")) {
                    int port = jar.awaitStarted(START);
                    assertThat(jar.output()).doesNotContain("Embedded Neo4j started").contains("Loaded seed data");
                    assertThat(post(port, "{\"query\":\"{ entity(id: \\\"person/alexander-trofimov\\\") { name } }\"}"))
                        .contains("Alexander Trofimov");
                    String now = get(port, "/actuator/health").replaceAll(".*\"entities\":(\\d+).*", "$1");
                    if (health != null) {
                        assertThat(now).as("entities after loading the seed data a second time").isEqualTo(health);
                    }
                    health = now;
                    jar.terminate();
                    jar.awaitExit(Duration.ofSeconds(10));
                }
            }
            try (JarProcess jar = JarProcess.start("--server.port=0", uri)) {
                jar.awaitStarted(START);
                assertThat(jar.output()).contains("Seed data not loaded (casegraph.seed.mode=auto, external database)");
                jar.terminate();
                jar.awaitExit(Duration.ofSeconds(10));
            }
        }
        finally {
            neo4j.shutdown();
        }
    }

    @Test
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFailsWithOneLine("port " + taken.getLocalPort() + " is already in use",
                    "--server.port=" + taken.getLocalPort(), "--casegraph.embedded.bolt-port=0",
                    "--casegraph.data-dir=" + this.temp.resolve("data"));
        }
    }

    @Test
    void boltPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFailsWithOneLine("Bolt port " + taken.getLocalPort() + " is already in use", "--server.port=0",
                    "--casegraph.embedded.bolt-port=" + taken.getLocalPort(),
                    "--casegraph.data-dir=" + this.temp.resolve("data"));
        }
    }

    @Test
    void dataDirectoryNotWritable() throws Exception {
        Path file = Files.writeString(this.temp.resolve("a-file"), "not a folder");
        assertFailsWithOneLine("cannot create the data folder " + file.resolve("data"), "--server.port=0",
                "--casegraph.embedded.bolt-port=0", "--casegraph.data-dir=" + file.resolve("data"));
    }

    @Test
    void externalNeo4jUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertFailsWithOneLine("cannot reach Neo4j at the configured spring.neo4j.uri", "--server.port=0",
                "--spring.neo4j.uri=bolt://127.0.0.1:" + closed, "--spring.neo4j.authentication.password=secret");
    }

    @Test
    void externalNeo4jWrongPassword() throws Exception {
        int boltPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            boltPort = socket.getLocalPort();
        }
        DatabaseManagementService neo4j = new DatabaseManagementServiceBuilder(this.temp.resolve("secured"))
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .build();
        try {
            assertFailsWithOneLine("the Neo4j server refused the credentials", "--server.port=0",
                    "--spring.neo4j.uri=bolt://127.0.0.1:" + boltPort, "--spring.neo4j.authentication.password=wrong");
        }
        finally {
            neo4j.shutdown();
        }
    }

    @Test
    void invalidSeedData() throws Exception {
        Path seeds = Files.createDirectories(this.temp.resolve("seeds"));
        Files.writeString(seeds.resolve("broken.yaml"), """
                entities:
                  - id: person/nobody
                    type: Persn
                    name: Nobody
                """);
        try (JarProcess jar = JarProcess.start("--server.port=0", "--casegraph.embedded.bolt-port=0",
                "--casegraph.data-dir=" + this.temp.resolve("data"),
                "--casegraph.seed.location=file:" + seeds + "/*.yaml")) {
            assertThat(jar.awaitExit(START)).isNotZero();
            assertThat(jar.output())
                .contains("CaseGraph could not start: seed-data is invalid (2 problems), nothing was loaded:")
                .contains(seeds.resolve("broken.yaml") + ":3: unknown entity type 'Persn'")
                .contains(seeds.resolve("broken.yaml") + ":2: missing citation")
                .doesNotContain("Exception encountered")
                .doesNotContain("\tat ");
        }
    }

    private static void assertFailsWithOneLine(String problem, String... args) throws InterruptedException {
        try (JarProcess jar = JarProcess.start(args)) {
            assertThat(jar.awaitExit(START)).as("exit code").isNotZero();
            List<String> reported = jar.lines()
                .stream()
                .filter((line) -> line.startsWith("CaseGraph could not start: "))
                .toList();
            assertThat(reported).as(jar.output()).singleElement().asString().contains(problem);
            assertThat(jar.output()).as("no stack traces").doesNotContain("\tat ").doesNotContain("Caused by");
            assertThat(jar.output()).as("never accepted requests").doesNotContain("Tomcat started on port");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String neo4jLog(Path data) throws IOException {
        Path logs = data.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString())
            .body();
    }

    private static String post(int port, String body) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString())
            .body();
    }

}
