package org.casegraph.export;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.casegraph.CaseGraphApplication;
import org.casegraph.graph.Graph;
import org.casegraph.importer.FtmImport;
import org.casegraph.importer.Progress;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FtM round trip of issue 18: the seed graph exported as FtM (over HTTP, as a public
 * client fetches it, never a stored copy) and imported with {@code import --format ftm}
 * into an empty database (a second application whose seeding is off:
 * {@code casegraph.seed.mode=never}) exports again as the same set of lines: the same
 * entities with the same schemata and properties, and the same links. Lines are compared
 * normalized: property values as sets (FtM properties are unordered). Nothing may differ.
 * <p>
 * GraphQL then serves every exported entity the same in both databases: type, name,
 * summary and quotes with their documents; and every exported link with the same id,
 * ends, dates and quotes. What FtM cannot hold is left out of both comparisons, and of
 * the FtM lines alike, so it may differ: victims (FtM has no schema for them, and the
 * export leaves them out with their links), an event's ordinal, a relationship's date
 * qualifier, basis, amount and count, old ids (formerIds), and, for a link whose role is
 * stated, its relationship type among those FtM writes as the same schema (a HOLDS_OFFICE
 * with a role comes back as a MEMBER_OF with that role: both are Memberships).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "casegraph.embedded.bolt-port=0",
        "casegraph.data-dir=target/test-data/${random.uuid}", "spring.application.name=ftm-round-trip-source" })
class FtmRoundTripTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * An entity as GraphQL serves it, and its outgoing links (of which those in the
     * export are compared).
     */
    private static final String ENTITY = """
            query ($id: ID!) { entity(id: $id) { __typename id name summary sources { quote document { id } }
              relationships(direction: OUTGOING, first: 100) {
                id from { id } to { id } validFrom validTo sources { quote document { id } } } } }""";

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    @Test
    void seedGraphComesBackFromFtmAsItWent() throws Exception {
        byte[] exported = export(this.port);
        Path file = this.folder.resolve("seed.ftm.json");
        Files.write(file, exported);
        try (ConfigurableApplicationContext empty = new SpringApplicationBuilder(CaseGraphApplication.class)
            .properties("server.port=0", "casegraph.embedded.bolt-port=0",
                    "casegraph.data-dir=target/test-data/" + UUID.randomUUID(), "casegraph.seed.mode=never",
                    "spring.application.name=ftm-round-trip-target")
            .run()) {
            Graph target = empty.getBean(Graph.class);
            long nodes = target.single("MATCH (n) WHERE n:Entity OR n:Alias RETURN count(n)", Map.of(),
                    (r) -> r.get(0).asLong());
            assertThat(nodes).as("the target database is empty: no seed data (only the schema's migration records)")
                .isZero();

            FtmImport.Summary summary = empty.getBean(FtmImport.class)
                .run(file, FtmImport.OnError.ABORT, this.folder.resolve("merges.jsonl"), Progress.none());
            int targetPort = Integer.parseInt(empty.getEnvironment().getProperty("local.server.port"));
            byte[] again = export(targetPort);

            Set<String> before = normalized(exported);
            Set<String> after = normalized(again);
            assertThat(before).hasSizeGreaterThan(900);
            assertThat(summary.written().entities() + summary.written().relationships()).isEqualTo(before.size());
            assertThat(summary.skipped()).isZero();
            assertThat(summary.proposals()).isEmpty();
            assertThat(after).as("lines exported after the round trip that were not before")
                .containsExactlyInAnyOrderElementsOf(before);
            assertThat(FtmModel.load().validate(lines(again))).isEmpty();

            GraphQlHttp source = new GraphQlHttp(this.port);
            GraphQlHttp copy = new GraphQlHttp(targetPort);
            Set<String> entityIds = new HashSet<>();
            Set<String> linkIds = new HashSet<>();
            for (JsonNode line : lines(exported)) {
                if (line.get("properties").has("recordId")) {
                    linkIds.add(line.get("properties").get("recordId").get(0).asString());
                }
                else {
                    entityIds.add(line.get("id").asString().replaceFirst("\\.", "/"));
                }
            }
            List<Object> linksCompared = new ArrayList<>();
            for (String id : entityIds) {
                Map<String, Object> served = entity(source, id, linkIds);
                assertThat(entity(copy, id, linkIds)).as(id).isEqualTo(served);
                linksCompared.addAll((List<?>) served.get("relationships"));
            }
            assertThat(linksCompared).hasSize(linkIds.size());
        }
    }

    /**
     * The entity as GraphQL serves it, with only the outgoing links that the export held.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> entity(GraphQlHttp graphQl, String id, Set<String> exported) throws Exception {
        Map<String, Object> response = graphQl.post(null, ENTITY, Map.of("id", id));
        assertThat(response).as(id).doesNotContainKey("errors");
        Map<String, Object> entity = new TreeMap<>(
                (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("entity"));
        List<Map<String, Object>> links = (List<Map<String, Object>>) entity.get("relationships");
        assertThat(links).as("fewer than the 100 a query returns").hasSizeLessThan(100);
        entity.put("relationships",
                links.stream()
                    .filter((link) -> exported.contains(link.get("id")))
                    .sorted(java.util.Comparator.comparing((link) -> String.valueOf(link.get("id"))))
                    .toList());
        return entity;
    }

    private static byte[] export(int port) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/export/ftm")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<JsonNode> lines(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    /**
     * Each line as canonical JSON: id, schema, and properties by name with their values
     * sorted.
     */
    private static Set<String> normalized(byte[] body) {
        Set<String> normalized = new HashSet<>();
        for (JsonNode line : lines(body)) {
            Map<String, List<String>> properties = new TreeMap<>();
            line.get("properties")
                .properties()
                .forEach((property) -> properties.put(property.getKey(),
                        property.getValue().valueStream().map(JsonNode::asString).sorted().toList()));
            normalized.add(JSON.writeValueAsString(new TreeMap<>(Map.of("id", line.get("id").asString(), "schema",
                    line.get("schema").asString(), "properties", properties))));
        }
        return normalized;
    }

}
