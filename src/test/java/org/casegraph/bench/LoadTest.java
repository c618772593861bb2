package org.casegraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.support.JarProcess;

/**
 * Holds a fixed rate of mixed reads against the packaged jar (started here with
 * {@code -Xmx256m} and the seed data) for a bounded time, on loopback only, then reports
 * errors, latency percentiles and the service's heap after a full GC before and after.
 * Run with {@code ./mvnw -Pload package} ({@code -Dload.rate=50
 * -Dload.seconds=120}).
 */
public final class LoadTest {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private static final List<String> QUERIES = List.of(
            "{ entity(id: \\\"person/alexander-trofimov\\\") { name sources { quote document { name } } relationships(first: 20) { type to { name } } } }",
            "{ search(query: \\\"Trofimv\\\", first: 10) { totalCount edges { highlights node { id name } } } }",
            "{ search(query: \\\"Cambodia police\\\", first: 10) { edges { node { id } } } }",
            "{ neighborhood(id: \\\"organization/international-justice-mission\\\", depth: 2, limit: 200) { truncated nodes { id name } relationships { type } } }",
            "{ paths(fromId: \\\"person/alexander-trofimov\\\", toId: \\\"person/marco-rubio\\\", first: 3) { length nodes { name } } }",
            "{ timeline(entityId: \\\"place/cambodia\\\", from: \\\"2002\\\", to: \\\"2015\\\", first: 50) { edges { node { date name } } } }",
            "{ commonConnections(ids: [\\\"person/thad-cochran\\\", \\\"person/barbara-boxer\\\"]) { node { name } } }");

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("load.rate", 50);
        int seconds = Integer.getInteger("load.seconds", 120);
        Path data = Files.createTempDirectory("casegraph-load-");
        try (JarProcess jar = JarProcess.start("--server.port=0", "--casegraph.embedded.bolt-port=0",
                "--casegraph.data-dir=" + data, "--logging.level.root=warn",
                "--logging.level.org.springframework.boot.tomcat=info",
                // One client sends everything here; a real deployment spreads that budget
                // over many callers.
                "--casegraph.limits.cost-per-minute=0")) {
            int port = jar.awaitStarted(Duration.ofSeconds(120));
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.out.printf(Locale.ROOT, "Load: %d requests/s of %d mixed reads for %d s against pid %d (-Xmx256m)%n",
                    rate, QUERIES.size(), seconds, jar.pid());
            run(http, endpoint, rate, 10, null, null);
            long heapBefore = heapAfterGc(jar.pid());
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong errors = new AtomicLong();
            run(http, endpoint, rate, seconds, latencies, errors);
            long heapAfter = heapAfterGc(jar.pid());
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "requests %d, errors %d%n", sorted.size() + errors.get(), errors.get());
            System.out.printf(Locale.ROOT, "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", ms(sorted, 50),
                    ms(sorted, 95), ms(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
            System.out.printf(Locale.ROOT, "heap after full GC: before %d MB, after %d MB%n", heapBefore / 1024,
                    heapAfter / 1024);
            jar.terminate();
            jar.awaitExit(Duration.ofSeconds(10));
        }
    }

    /**
     * Sends requests on a fixed schedule, whether or not earlier ones have answered (an
     * open workload).
     */
    private static void run(HttpClient http, URI endpoint, int rate, int seconds, List<Long> latencies,
            AtomicLong errors) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = "{\"query\":\"" + QUERIES.get((int) (i % QUERIES.size())) + "\"}";
            long sent = System.nanoTime();
            pending.add(http.sendAsync(HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                    if (latencies == null) {
                        return null;
                    }
                    if (failure != null || response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                        errors.incrementAndGet();
                    }
                    else {
                        latencies.add(System.nanoTime() - sent);
                    }
                    return null;
                }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static double ms(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)) / 1e6;
    }

}
