package org.casegraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.casegraph.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GraphQL-over-HTTP audit of the graphql-http project against the packaged jar: no
 * MUST may fail and no SHOULD may warn. It needs Node.js; where there is none, the build
 * says so and skips it.
 */
class GraphQlHttpAuditIT {

    private static final Path AUDIT = Path.of("target", "graphql-http-audit");

    @TempDir
    Path temp;

    @Test
    void passesTheGraphQlOverHttpAudit() throws Exception {
        boolean node = run(List.of("node", "--version"), Path.of("."), 30) == 0;
        if (!node) {
            System.out.println("graphql-http audit SKIPPED: node is not on the PATH");
        }
        assumeTrue(node, "node is not on the PATH: skipped the graphql-http audit");
        Files.createDirectories(AUDIT);
        Files.copy(Path.of("src/test/resources/audit/graphql-http-audit.mjs"), AUDIT.resolve("graphql-http-audit.mjs"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!Files.isDirectory(AUDIT.resolve("node_modules/graphql-http"))) {
            Files.writeString(AUDIT.resolve("package.json"), "{\"private\": true, \"type\": \"module\"}\n");
            assertThat(run(List.of("npm", "install", "--no-audit", "--no-fund", "graphql-http@1.23.1", "graphql@16"),
                    AUDIT, 300))
                .as("npm install graphql-http")
                .isZero();
        }
        try (JarProcess jar = JarProcess.start("--server.port=0", "--casegraph.embedded.bolt-port=0",
                "--casegraph.data-dir=" + this.temp.resolve("data"))) {
            int port = jar.awaitStarted(Duration.ofSeconds(90));
            Path report = this.temp.resolve("audit.txt");
            int exit = run(List.of("node", "graphql-http-audit.mjs", "http://127.0.0.1:" + port + "/graphql"), AUDIT,
                    120, report);
            String output = Files.readString(report, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(exit).as(output).isZero();
            assertThat(output).contains("audit: ").contains(" 0 failed");
        }
    }

    private static int run(List<String> command, Path directory, int seconds) throws IOException, InterruptedException {
        return run(command, directory, seconds, null);
    }

    private static int run(List<String> command, Path directory, int seconds, Path output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            return -1;
        }
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -2;
        }
        return process.exitValue();
    }

}
