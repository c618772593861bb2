package org.casegraph.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.casegraph.embedded.EmbeddedNeo4j;
import org.casegraph.embedded.EmbeddedNeo4jProperties;

/**
 * A Neo4j server of its own for tests that need one outside the application's JVM,
 * without Docker: the embedded DBMS, as the jar configures it, in a second JVM started
 * from the test classpath, Bolt on a free loopback port. The child stops when its
 * standard input closes, so it never outlives the test JVM, however that ends.
 */
public final class Neo4jServerProcess implements AutoCloseable {

    private static final String READY = "NEO4J READY ";

    private final Process process;

    private final String boltUri;

    private Neo4jServerProcess(Process process, String boltUri) {
        this.process = process;
        this.boltUri = boltUri;
    }

    /** Starts the server in {@code home} and waits until it serves Bolt. */
    public static Neo4jServerProcess start(Path home, Duration timeout) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Neo4jServerProcess.class.getName(), home.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        CompletableFuture<String> uri = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        uri.complete(line.substring(READY.length()));
                    }
                }
            }
            catch (IOException ex) {
                // the process ended
            }
            uri.completeExceptionally(new IllegalStateException("the Neo4j server process ended before it was ready"));
        }, "neo4j-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Neo4jServerProcess(process, uri.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        catch (Exception ex) {
            process.destroyForcibly();
            throw new IllegalStateException("no Neo4j server process within " + timeout, ex);
        }
    }

    public String boltUri() {
        return this.boltUri;
    }

    @Override
    public void close() {
        try {
            this.process.getOutputStream().close();
            if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }
        catch (IOException | InterruptedException ex) {
            this.process.destroyForcibly();
        }
    }

    /**
     * The child: {@code Neo4jServerProcess HOME} serves until its standard input closes.
     */
    public static void main(String[] args) throws IOException {
        EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(Path.of(args[0]),
                new EmbeddedNeo4jProperties.Embedded(0, "64m", "256m"), Duration.ofSeconds(30));
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties);
        System.out.println(READY + neo4j.boltUri());
        System.out.flush();
        while (System.in.read() != -1) {
            // the parent holds the pipe open while it needs the server
        }
        neo4j.close();
        System.exit(0);
    }

}
