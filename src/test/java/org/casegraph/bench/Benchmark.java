package org.casegraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.apache.lucene.queryparser.classic.QueryParser;
import org.casegraph.CaseGraphApplication;
import org.casegraph.entity.EntityRepository;
import org.casegraph.graph.Graph;
import org.casegraph.importer.BulkImport;
import org.casegraph.importer.ProgressDisplay;
import org.casegraph.search.SearchRepository;
import org.casegraph.search.SearchTerms;
import org.casegraph.timeline.TimelineRepository;
import org.casegraph.trace.TraceRepository;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.ObjectMapper;

/**
 * Each core operation through {@code /graphql} against the same Cypher run directly
 * through the driver, on generated graphs, in one run: median and p99 latency and their
 * ratio, then throughput at concurrency 8. Run it with
 * {@code ./mvnw -Pbenchmark test-compile} (sizes with
 * {@code -Dbench.sizes=10000,100000}).
 */
public final class Benchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 150);

    private static final int MAX_WARMUP_ROUNDS = Integer.getInteger("bench.max-warmup-rounds", 60);

    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);

    private static final int CONCURRENCY = 8;

    /**
     * The HTTP client runs on the same two cores as the service, so its own cost shows in
     * the GraphQL figures. The default sends requests the way load generators such as wrk
     * do ({@link KeptAliveHttp}); {@code
     * -Dbench.client=urlconnection} uses the JDK's HttpURLConnection and
     * {@code -Dbench.client=httpclient} java.net.http.HttpClient, both of which cost more
     * per request than the service's own floor.
     */
    private static final String CLIENT = System.getProperty("bench.client", "socket");

    private static final long THROUGHPUT_MILLIS = Long.getLong("bench.throughput-millis", 4000);

    private static final int SLICES = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Load the graph through the import command rather than direct Cypher; always from a
     * million entities up.
     */
    private static final boolean IMPORT = Boolean.getBoolean("bench.import");

    /**
     * What an anonymous caller may see: the benchmark's direct Cypher filters exactly as
     * the API does.
     */
    private static final List<String> PUBLIC = List.of("public");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI endpoint;

    private final KeptAliveHttp sockets;

    private final Driver driver;

    private Benchmark(int port, Driver driver) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
        this.sockets = new KeptAliveHttp(this.endpoint);
        this.driver = driver;
    }

    /**
     * One operation: its GraphQL document and variables, as an app sends them (one
     * document, new variables each time), and the Cypher the API runs for it with its
     * parameters, for the i-th sample.
     */
    private record Operation(String name, String document, IntFunction<Map<String, Object>> variables,
            IntFunction<String> cypher, IntFunction<Map<String, Object>> parameters) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
        System.out.printf(Locale.ROOT,
                "CaseGraph benchmark: %d warm-up and %d measured requests per operation, "
                        + "throughput over %d ms at concurrency %d, %d cores, HTTP client %s%n",
                WARMUP, SAMPLES, THROUGHPUT_MILLIS, CONCURRENCY, Runtime.getRuntime().availableProcessors(),
                switch (CLIENT) {
                    case "urlconnection" -> "HttpURLConnection";
                    case "httpclient" -> "java.net.http.HttpClient";
                    case "socket" -> "kept-alive sockets";
                    default -> throw new IllegalArgumentException(
                            "bench.client must be socket, urlconnection or httpclient, not " + CLIENT);
                });
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int size) throws Exception {
        Path data = Files.createTempDirectory("casegraph-bench-");
        ConfigurableApplicationContext context = SpringApplication.run(CaseGraphApplication.class, "--server.port=0",
                "--casegraph.embedded.bolt-port=0", "--casegraph.data-dir=" + data, "--casegraph.seed.mode=never",
                "--casegraph.embedded.page-cache=" + System.getProperty("bench.page-cache", "512m"),
                "--casegraph.embedded.transaction-memory=1g", "--logging.level.root=warn",
                "--casegraph.transaction-timeout=120s", "--casegraph.limits.cost-per-minute=0");
        try {
            Graph graph = context.getBean(Graph.class);
            GeneratedGraph generated = IMPORT || size >= 1_000_000 ? imported(context, data, size)
                    : GeneratedGraph.generate(graph, size);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Benchmark benchmark = new Benchmark(port, context.getBean(Driver.class));
            System.out.printf(Locale.ROOT, "%n== %,d entities, %,d relationships (%s in %.1f s; hubs of %,d) ==%n",
                    generated.entities(), generated.relationships(),
                    IMPORT || size >= 1_000_000 ? "imported" : "generated", generated.seconds(),
                    GeneratedGraph.HUB_DEGREE);
            List<Operation> operations = operations(generated);
            benchmark.warmUp(operations);
            System.out.printf(Locale.ROOT, "%-26s %11s %11s %7s %11s %11s %7s %9s %9s %7s %11s %11s %7s%n", "operation",
                    "gql p50 ms", "raw p50 ms", "ratio", "gql p99 ms", "raw p99 ms", "ratio", "gql rps", "raw rps",
                    "share", "gql cpu ms", "raw cpu ms", "share");
            for (Operation operation : operations) {
                benchmark.measure(operation);
            }
            benchmark.sockets.close();
        }
        finally {
            context.close();
        }
    }

    /**
     * Writes the graph as import files, then imports them as
     * {@code java -jar casegraph.jar import} would.
     */
    private static GeneratedGraph imported(ConfigurableApplicationContext context, Path data, int size) {
        Path files = data.resolveSibling(data.getFileName() + "-import");
        try {
            Files.createDirectories(files);
            GeneratedGraph generated = GeneratedGraph.writeFiles(files, size);
            System.out.printf(Locale.ROOT, "%nImport files for %,d entities written in %.1f s (%,d MB)%n", size,
                    generated.seconds(), (Files.size(files.resolve(BulkImport.ENTITIES))
                            + Files.size(files.resolve(BulkImport.RELATIONSHIPS))) / 1_000_000);
            BulkImport.Summary summary = context.getBean(BulkImport.class)
                .run(files, ProgressDisplay.onStandardError());
            double seconds = summary.validationSeconds() + summary.writeSeconds();
            System.out.printf(Locale.ROOT,
                    "Imported %,d entities and %,d relationships in %.1f s (validation %.1f s, writing %.1f s): "
                            + "%,.0f entities+relationships/s; heap in use after a GC %,d MB, peak resident memory %s%n",
                    summary.entities(), summary.relationships(), seconds, summary.validationSeconds(),
                    summary.writeSeconds(), (summary.entities() + summary.relationships()) / seconds,
                    heapAfterGcMegabytes(), peakResident());
            return new GeneratedGraph(generated.entities(), generated.relationships(), seconds, generated.people(),
                    generated.events(), generated.hubs());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * What stays on the heap (the sum of the pools' peaks would overstate it: they peak
     * at different times).
     */
    private static long heapAfterGcMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_000_000;
    }

    /**
     * The process's peak resident set (heap, page cache and all), where Linux tells it.
     */
    private static String peakResident() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status"))
                .stream()
                .filter((line) -> line.startsWith("VmHWM:"))
                .map((line) -> String.format(Locale.ROOT, "%,d MB",
                        Long.parseLong(line.replaceAll("[^0-9]", "")) / 1000))
                .findFirst()
                .orElse("unknown");
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    private static List<Operation> operations(GeneratedGraph g) {
        List<Operation> operations = new ArrayList<>();
        // The floor: what any GraphQL request over HTTP costs, against the cheapest
        // possible Cypher.
        operations.add(new Operation("floor ({ __typename })", "{ __typename }", (i) -> Map.of(), (i) -> "RETURN 1",
                (i) -> Map.of()));
        operations
            .add(new Operation("entity", "query($id: ID!) { entity(id: $id) { id name summary sources { quote } } }",
                    (i) -> Map.of("id", g.person(i)), (i) -> EntityRepository.FIND_BY_ID,
                    (i) -> Map.of("id", g.person(i), "visible", PUBLIC)));
        // Search twice: against CaseGraph's own statement (typo-forgiving, exact names
        // first), and against
        // the plain Lucene top 10 the peer harness calls raw (no typo forgiveness, no
        // ranking of exact names).
        String search = "query($q: String!) { search(query: $q, first: 10) { edges { score node { id name } } } }";
        operations.add(new Operation("search (typo) vs own Cypher", search, (i) -> Map.of("q", g.searchName(i)),
                (i) -> SearchRepository.searchCypher(Set.of("id", "name")),
                (i) -> SearchRepository.parameters(SearchTerms.parse(g.searchName(i)), null, 0, 10, PUBLIC)));
        operations
            .add(new Operation("search (name) vs raw Lucene", search, (i) -> Map.of("q", g.personName(i)), (i) -> """
                    CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: 10}) YIELD node, score
                    RETURN node.id AS id, node.name AS name, score""",
                    (i) -> Map.of("q", QueryParser.escape(g.personName(i)))));
        operations.add(new Operation("search with totalCount",
                "query($q: String!) { search(query: $q, first: 10) { totalCount edges { score node { id name } } } }",
                (i) -> Map.of("q", g.searchName(i)), (i) -> SearchRepository.searchCypher(Set.of("id", "name")),
                (i) -> SearchRepository.parameters(SearchTerms.parse(g.searchName(i)), null, 0, 10, PUBLIC)));
        String neighborhood = "query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) "
                + "{ truncated nodes { id name } relationships { id type } } }";
        operations.add(new Operation("neighborhood depth 2", neighborhood, (i) -> Map.of("id", g.person(i)),
                (i) -> TraceRepository.neighborhoodCypher(2, "", true, Set.of("id", "name")),
                (i) -> Map.of("id", g.person(i), "limit", 100, "excludeIds", List.of(), "visible", PUBLIC)));
        operations.add(new Operation("neighborhood hub depth 2", neighborhood, (i) -> Map.of("id", g.hub(i)),
                (i) -> TraceRepository.neighborhoodCypher(2, "", true, Set.of("id", "name")),
                (i) -> Map.of("id", g.hub(i), "limit", 100, "excludeIds", List.of(), "visible", PUBLIC)));
        // The peer harness's questions (../shared/peer, targets/raw.mjs), against its raw
        // Cypher: neighbours only, no relationships asked for.
        operations.add(new Operation("neighbours (peer byId) vs raw",
                "query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 50) { truncated nodes { id name } } }",
                (i) -> Map.of("id", g.person(i)), (i) -> """
                        MATCH (n:Entity {id: $id})
                        CALL (n) {
                          MATCH (n)--(m:Entity)
                          WHERE m <> n
                          WITH DISTINCT m ORDER BY m.id LIMIT 50
                          RETURN collect(m {.id, .name}) AS neighbours
                        }
                        RETURN n.id AS id, n.name AS name, neighbours""", (i) -> Map.of("id", g.person(i))));
        operations.add(new Operation("two hops (peer twoHop) vs raw",
                "query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { truncated nodes { id name } } }",
                (i) -> Map.of("id", g.person(i)), (i) -> """
                        MATCH (p:Entity:Person {id: $id})
                        CALL (p) {
                          MATCH (p)--(m:Entity)
                          WHERE m <> p
                          WITH DISTINCT m ORDER BY m.id
                          RETURN collect(m) AS l1
                        }
                        CALL (p, l1) {
                          UNWIND CASE WHEN size(l1) < 500 THEN l1 ELSE [] END AS a
                          MATCH (a)--(m:Entity)
                          WHERE m <> p AND NOT m IN l1
                          WITH DISTINCT m ORDER BY m.id
                          RETURN collect(m) AS l2
                        }
                        UNWIND (l1 + l2)[0..500] AS x
                        RETURN x.id AS id, x.name AS name""", (i) -> Map.of("id", g.person(i))));
        operations.add(new Operation("paths",
                "query($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, maxLength: 4, first: 3) "
                        + "{ length nodes { id name } relationships { id type } } }",
                (i) -> Map.of("from", g.person(i), "to", g.event(i)), (i) -> TraceRepository.pathsCypher(3, "", 4),
                (i) -> pathParameters(g.person(i), g.event(i))));
        operations.add(new Operation("timeline",
                "query($id: ID!) { timeline(entityId: $id, first: 20) { edges { cursor node { id name date } } } }",
                (i) -> Map.of("id", g.person(i)),
                (i) -> TimelineRepository.eventsCypher(true, Set.of("id", "name", "date")),
                (i) -> timelineParameters(g.person(i))));
        String only = System.getProperty("bench.ops", "");
        return only.isBlank() ? operations
                : operations.stream().filter((operation) -> operation.name().contains(only)).toList();
    }

    private static Map<String, Object> pathParameters(String from, String to) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("excludeIds", List.of());
        parameters.put("excludeTypes", List.of());
        parameters.put("validFrom", null);
        parameters.put("validTo", null);
        parameters.put("visible", PUBLIC);
        return parameters;
    }

    private static Map<String, Object> timelineParameters(String entityId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("entityId", entityId);
        parameters.put("from", null);
        parameters.put("to", null);
        parameters.put("kinds", null);
        parameters.put("afterKey", null);
        parameters.put("afterId", null);
        parameters.put("limit", 21);
        parameters.put("visible", PUBLIC);
        return parameters;
    }

    /**
     * Warms every code path (JIT, page cache, pools) until the JIT has settled: rounds of
     * every operation repeat until one spends less than 2 % of its time compiling, at
     * least three and at most {@code bench.max-warmup-rounds}. Measured on this machine:
     * from a cold start under steady load, the service's entity lookups per second rose
     * from 380 to 2,290 over the first 90 s while the JIT compiled its paths.
     */
    private void warmUp(List<Operation> operations) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        // A JVM that cannot tell its compilation time gets the longest warm-up.
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        long started = System.nanoTime();
        int rounds = 0;
        double compiling;
        do {
            long compiledBefore = measurable ? jit.getTotalCompilationTime() : 0;
            long roundStarted = System.nanoTime();
            for (Operation operation : operations) {
                warmUp(operation);
            }
            compiling = measurable
                    ? (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - roundStarted) / 1e6) : 1;
            rounds++;
        }
        while (rounds < 3 || (compiling >= 0.02 && rounds < MAX_WARMUP_ROUNDS));
        System.out.printf(Locale.ROOT,
                "Warmed up in %d rounds (%.0f s); the JIT spent %.1f %% of the last round compiling%n", rounds,
                (System.nanoTime() - started) / 1e9, 100 * compiling);
    }

    private void warmUp(Operation operation) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            graphQl(operation, i);
            direct(operation, i);
        }
    }

    private void measure(Operation operation) throws Exception {
        long[] gql = new long[SAMPLES];
        long[] raw = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            // Interleaved, so that a noisy moment hurts both sides alike.
            long t0 = System.nanoTime();
            direct(operation, i);
            long t1 = System.nanoTime();
            graphQl(operation, i);
            long t2 = System.nanoTime();
            raw[i] = t1 - t0;
            gql[i] = t2 - t1;
        }
        Arrays.sort(gql);
        Arrays.sort(raw);
        Throughput throughput = throughput((i) -> graphQl(operation, i), (i) -> direct(operation, i));
        System.out.printf(Locale.ROOT,
                "%-26s %11.2f %11.2f %7.2f %11.2f %11.2f %7.2f %9.0f %9.0f %6.0f%% %11s %11s %7s%n", operation.name(),
                ms(percentile(gql, 50)), ms(percentile(raw, 50)), (double) percentile(gql, 50) / percentile(raw, 50),
                ms(percentile(gql, 99)), ms(percentile(raw, 99)), (double) percentile(gql, 99) / percentile(raw, 99),
                throughput.gqlRps(), throughput.rawRps(), 100 * throughput.gqlRps() / throughput.rawRps(),
                cpuMillis(throughput.gqlCpuNanos()), cpuMillis(throughput.rawCpuNanos()), throughput.cpuShare());
    }

    @FunctionalInterface
    private interface Request {

        void run(int i) throws Exception;

    }

    /**
     * Requests per second through GraphQL and directly, and the process's CPU time per
     * request on each side. CPU time is this whole process's (the service, the database
     * and the client at once) and leaves out time the machine gives to other work, so it
     * moves less than requests per second do; while both cores are busy the two shares
     * agree. Either CPU figure is {@code -1} where the JVM cannot tell it.
     */
    private record Throughput(double gqlRps, double rawRps, long gqlCpuNanos, long rawCpuNanos) {

        String cpuShare() {
            return this.gqlCpuNanos < 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.0f%%", 100.0 * this.rawCpuNanos / this.gqlCpuNanos);
        }

    }

    /**
     * Runs both sides at concurrency 8, in alternating slices of an eighth of the time
     * each: a busy moment on a shared machine then costs both sides alike instead of the
     * one it falls on.
     */
    private Throughput throughput(Request graphQl, Request direct) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            long[] done = new long[2];
            long[] nanos = new long[2];
            long[] cpu = new long[2];
            Request[] sides = { graphQl, direct };
            for (int slice = 0; slice < SLICES; slice++) {
                for (int side = 0; side < 2; side++) {
                    long started = System.nanoTime();
                    long cpuBefore = processCpuNanos();
                    done[side] += slice(pool, sides[side], slice, started + THROUGHPUT_MILLIS * 1_000_000 / SLICES);
                    cpu[side] += processCpuNanos() - cpuBefore;
                    nanos[side] += System.nanoTime() - started;
                }
            }
            boolean cpuKnown = processCpuNanos() >= 0;
            return new Throughput(done[0] / (nanos[0] / 1e9), done[1] / (nanos[1] / 1e9),
                    cpuKnown ? cpu[0] / done[0] : -1, cpuKnown ? cpu[1] / done[1] : -1);
        }
        finally {
            pool.shutdown();
        }
    }

    /**
     * CPU time of this whole process (service, database and client), or -1 where the JVM
     * cannot tell it.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long slice(ExecutorService pool, Request request, int slice, long deadline) throws Exception {
        AtomicLong done = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            int first = (slice * CONCURRENCY + w) * 1000;
            workers.add(pool.submit(() -> {
                for (int i = first; System.nanoTime() < deadline; i++) {
                    request.run(i);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return done.get();
    }

    private void graphQl(Operation operation, int i) throws Exception {
        String body = JSON
            .writeValueAsString(Map.of("query", operation.document(), "variables", operation.variables().apply(i)));
        String answer = switch (CLIENT) {
            case "urlconnection" -> postWithUrlConnection(body);
            case "httpclient" -> postWithHttpClient(body);
            default -> this.sockets.post(body);
        };
        if (answer == null || answer.contains("\"errors\"")) {
            throw new IllegalStateException(operation.name() + " failed: " + answer);
        }
    }

    /** The JDK's blocking client over a kept-alive connection. */
    private String postWithUrlConnection(String body) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) this.endpoint.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = connection.getInputStream()) {
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return connection.getResponseCode() == 200 ? answer : null;
        }
    }

    private String postWithHttpClient(String body) throws Exception {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    private void direct(Operation operation, int i) {
        try (var session = this.driver.session(SessionConfig.defaultConfig())) {
            session.executeRead((tx) -> tx.run(operation.cypher().apply(i), operation.parameters().apply(i)).list());
        }
    }

    private static long percentile(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static String cpuMillis(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

}
