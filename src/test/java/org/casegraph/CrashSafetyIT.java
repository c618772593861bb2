package org.casegraph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.casegraph.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through the service, a SIGKILL in the middle of them, a restart on the same
 * data: every acknowledged write is there, nothing half-written is, and the store opens
 * without help.
 */
class CrashSafetyIT {

    private static final String[] EDITOR_KEY = { "--casegraph.api-keys[0].name=crash-test",
            "--casegraph.api-keys[0].sha256=c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889",
            "--casegraph.api-keys[0].role=editor" };

    @TempDir
    Path temp;

    private String[] args(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("--server.port=0", "--casegraph.embedded.bolt-port=0",
                "--casegraph.data-dir=" + this.temp.resolve("data")));
        all.addAll(List.of(EDITOR_KEY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String post(HttpClient http, int port, String body, boolean editor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (editor) {
            request.header("X-API-Key", "test-editor-key");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void acknowledgedWritesSurviveAKill() throws Exception {
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (JarProcess jar = JarProcess.start(args())) {
            int port = jar.awaitStarted(Duration.ofSeconds(90));
            HttpClient http = HttpClient.newHttpClient();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String id = "person/crash-" + i;
                    String body = "{\"query\":\"mutation { createEntity(input: {id: \\\"" + id
                            + "\\\", type: \\\"Person\\\", name: \\\"Crash " + i
                            + "\\\", summary: \\\"written before the kill\\\", "
                            + "sources: [{document: \\\"document/the-current-trofimov-arrest-order\\\", quote: \\\"The Current\\\"}]}) { version } }\"}";
                    try {
                        String response = post(http, port, body, true);
                        if (response.contains("\"version\":1")) {
                            acknowledged.add(id);
                        }
                    }
                    catch (Exception ex) {
                        return;
                    }
                }
            });
            writer.start();
            while (acknowledged.size() < 40) {
                Thread.sleep(20);
            }
            jar.kill();
            stop.set(true);
            writer.join(15_000);
        }
        System.out.printf("acknowledged %d writes before SIGKILL%n", acknowledged.size());
        try (JarProcess again = JarProcess.start(args())) {
            int port = again.awaitStarted(Duration.ofSeconds(90));
            HttpClient http = HttpClient.newHttpClient();
            String found = post(http, port,
                    "{\"query\":\"{ search(query: \\\"Crash\\\", types: [\\\"Person\\\"], first: 100) { totalCount edges { node { id name summary sources { quote } } } } }\"}",
                    false);
            for (String id : acknowledged) {
                assertThat(found).as("acknowledged write " + id).contains("\"id\":\"" + id + "\"");
            }
            int total = Integer.parseInt(found.replaceAll(".*\"totalCount\":(\\d+).*", "$1"));
            assertThat(total).as("entities after restart").isBetween(acknowledged.size(), acknowledged.size() + 1);
            // Every entity that is there is whole: its summary and its citation came with
            // it.
            assertThat(found.split("\"summary\":\"written before the kill\"", -1)).hasSize(total + 1);
            assertThat(found.split("\"quote\":\"The Current\"", -1)).hasSize(total + 1);
            again.terminate();
            again.awaitExit(Duration.ofSeconds(10));
        }
    }

}
