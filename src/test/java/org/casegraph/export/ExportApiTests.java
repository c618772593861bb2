package org.casegraph.export;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.casegraph.access.Role;
import org.casegraph.access.Visibility;
import org.casegraph.curation.RolesTest;
import org.casegraph.graph.Graph;
import org.casegraph.support.GraphQlHttp;
import org.casegraph.support.VictimIdentifiers;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports against the real seed data, over HTTP as a client fetches them: FtM lines
 * validate against the FollowTheMoney model, each role exports what GraphQL serves it and
 * nothing more (hidden records and fields included), victims are left out of FtM and are
 * group records elsewhere, TimelineJS, GraphML and CSV have their documented shapes,
 * subgraphs honour depth and relationship types, and bad parameters are refused by name.
 */
@RolesTest
class ExportApiTests {

    private static final Map<String, String> KEYS = Map.of("public", "", "journalist", "test-journalist-key",
            "investigator", "test-investigator-key", "editor", "test-editor-key");

    private static final FtmModel MODEL = FtmModel.load();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String SOURCE = "document/the-current-trofimov-arrest-order";

    /** Published, but its summary and nationality are for investigators only. */
    private static final String FIELD_LEAD = "person/export-brisa-tolvane";

    /** Wholly sensitive. */
    private static final String HIDDEN_LEAD = "person/export-quillon-ferreday";

    private static final String FIELD_LINK = FIELD_LEAD + "|WORKS_FOR|organization/international-justice-mission";

    private static final String HIDDEN_LINK = FIELD_LEAD + "|PARTNERED_WITH|" + HIDDEN_LEAD;

    /** Text only investigators and up may read. */
    private static final List<String> HIDDEN_TEXT = List.of("Veldcroft", "Norway", "Harrowmere", "Quillon Ferreday",
            "Marrowgate", HIDDEN_LEAD);

    private static boolean prepared;

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    @BeforeEach
    void prepare() throws Exception {
        if (prepared) {
            return;
        }
        GraphQlHttp http = new GraphQlHttp(this.port);
        String editor = KEYS.get("editor");
        List<Map<String, String>> citation = List.of(Map.of("document", SOURCE, "quote", "IJM"));
        String create = "mutation($input: CreateEntityInput!) { createEntity(input: $input) { version } }";
        http.mutate(editor, create, Map.of("id", FIELD_LEAD, "type", "Person", "name", "Brisa Tolvane", "summary",
                "Named in the Veldcroft ledger.", "fields", Map.of("nationality", "Norway"), "sources", citation));
        http.mutate(editor, create, Map.of("id", HIDDEN_LEAD, "type", "Person", "name", "Quillon Ferreday", "summary",
                "Runs the Marrowgate front.", "sources", citation));
        String link = "mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { version } }";
        http.mutate(editor, link,
                Map.of("type", "WORKS_FOR", "from", FIELD_LEAD, "to", "organization/international-justice-mission",
                        "properties", Map.of("role", "driver", "note", "paid through the Harrowmere account"),
                        "sources", citation));
        http.mutate(editor, link,
                Map.of("type", "PARTNERED_WITH", "from", FIELD_LEAD, "to", HIDDEN_LEAD, "sources", citation));
        // Two events of the lead's: one with a hidden summary, one hidden altogether.
        http.mutate(editor, create,
                Map.of("id", "event/export-tolvane-briefing", "type", "Event", "name", "Tolvane briefing", "summary",
                        "The Veldcroft ledger is read out.", "fields", Map.of("date", "2013-06", "kind", "interview"),
                        "sources", citation));
        http.mutate(editor, create,
                Map.of("id", "event/export-front-raid", "type", "Event", "name", "Raid on the Marrowgate front",
                        "fields", Map.of("date", "2013-07-02", "kind", "operation"), "sources", citation));
        for (String event : List.of("event/export-tolvane-briefing", "event/export-front-raid")) {
            http.mutate(editor, link,
                    Map.of("type", "PARTICIPATED_IN", "from", FIELD_LEAD, "to", event, "sources", citation));
        }
        http.mutate(editor, """
                mutation($input: MarkFieldsSensitiveInput!) { markFieldsSensitive(input: $input) { version } }""",
                Map.of("id", "event/export-tolvane-briefing", "expectedVersion", 1, "fields", List.of("summary"),
                        "sensitive", true, "reason", "unconfirmed"));
        http.mutate(editor, "mutation($input: MarkSensitiveInput!) { markSensitive(input: $input) { version } }", Map
            .of("id", "event/export-front-raid", "expectedVersion", 1, "sensitive", true, "reason", "unpublished"));
        http.mutate(editor, """
                mutation($input: MarkFieldsSensitiveInput!) { markFieldsSensitive(input: $input) { version } }""",
                Map.of("id", FIELD_LEAD, "expectedVersion", 1, "fields", List.of("summary", "nationality"), "sensitive",
                        true, "reason", "unconfirmed"));
        http.mutate(editor,
                """
                        mutation($input: MarkFieldsSensitiveInput!) { markRelationshipFieldsSensitive(input: $input) { version } }""",
                Map.of("id", FIELD_LINK, "expectedVersion", 1, "fields", List.of("note"), "sensitive", true, "reason",
                        "protects a source"));
        http.mutate(editor, "mutation($input: MarkSensitiveInput!) { markSensitive(input: $input) { version } }",
                Map.of("id", HIDDEN_LEAD, "expectedVersion", 1, "sensitive", true, "reason", "unpublished lead"));
        prepared = true;
    }

    private HttpResponse<byte[]> get(String role, String pathAndQuery) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery));
        String key = KEYS.getOrDefault(role, role);
        if (key != null && !key.isEmpty()) {
            request.header("X-API-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] export(String role, String pathAndQuery) throws Exception {
        HttpResponse<byte[]> response = get(role, pathAndQuery);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> lines(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    /** The text of an export, a zip's entries joined. */
    private static String text(byte[] body) throws Exception {
        if (body.length > 1 && body[0] == 'P' && body[1] == 'K') {
            return String.join("\n", unzip(body).values());
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Map<String, String> unzip(byte[] body) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /**
     * How many entities of a type (null for any) a role may see, asked of the database
     * directly.
     */
    private long visibleEntities(Role role, String type) {
        return this.graph.single("MATCH (n:Entity) WHERE ($type IS NULL OR $type IN labels(n)) AND "
                + Visibility.visible("n") + " RETURN count(n) AS n",
                new HashMap<>(Map.of("visible", Visibility.visibleTo(role))) {
                    {
                        put("type", type);
                    }
                }, (r) -> r.get("n").asLong());
    }

    private long visibleRelationships(Role role) {
        return this.graph.single(
                "MATCH (a:Entity)-[r]->(b:Entity) WHERE " + Visibility.visible("a") + " AND " + Visibility.visible("r")
                        + " AND " + Visibility.visible("b") + " RETURN count(r) AS n",
                Map.of("visible", Visibility.visibleTo(role)), (r) -> r.get("n").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "public", "investigator" })
    void everyFtmLineOfTheWholeGraphValidatesAgainstTheModel(String role) throws Exception {
        List<JsonNode> lines = lines(export(role, "/export/ftm"));
        assertThat(MODEL.validate(lines)).isEmpty();
        // Every entity but the victims is there, each once.
        Role caller = Role.valueOf(role.toUpperCase());
        long entityLines = lines.stream()
            .filter((line) -> MODEL.schema(line.get("schema").asString()).edgeSource() == null)
            .count();
        assertThat(entityLines).isEqualTo(visibleEntities(caller, null) - visibleEntities(caller, "Victim"));
        assertThat(lines).noneMatch((line) -> line.get("id").asString().startsWith("victim."));
        // Facts keep where they come from: the quotes as notes, the documents as proof.
        JsonNode trofimov = lines.stream()
            .filter((line) -> "person.alexander-trofimov".equals(line.get("id").asString()))
            .findFirst()
            .orElseThrow();
        assertThat(trofimov.get("schema").asString()).isEqualTo("Person");
        assertThat(trofimov.at("/properties/nationality/0").asString()).isEqualTo("ru");
        assertThat(trofimov.at("/properties/proof").toString()).contains("document.the-current-trofimov-arrest-order");
        assertThat(trofimov.at("/properties/notes").toString()).contains("Russian national Alexander Trofimov");
        assertThat(lines).anySatisfy((line) -> {
            assertThat(line.get("schema").asString()).isEqualTo("CourtCaseParty");
            assertThat(line.at("/properties/party/0").asString()).isEqualTo("person.alexander-trofimov");
            assertThat(line.at("/properties/case/0").asString()).isEqualTo("case.trofimov-child-sexual-abuse");
            assertThat(line.at("/properties/description").toString()).contains("\u201c", "\u201d");
        });
        assertThat(lines.stream().map((line) -> line.get("schema").asString()).distinct()).contains("Person",
                "Organization", "PublicBody", "CourtCase", "CourtCaseParty", "Event", "Document", "Address",
                "Membership", "UnknownLink", "Documentation", "Note");
    }

    @Test
    void ftmOfASubgraphBringsTheDocumentsItCitesAndValidates() throws Exception {
        List<JsonNode> lines = lines(export("public", "/export/ftm?entityId=person/alexander-trofimov&depth=2"));
        assertThat(MODEL.validate(lines)).isEmpty();
        assertThat(lines).hasSizeGreaterThan(10).noneMatch((line) -> line.get("id").asString().startsWith("victim."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "ftm", "graphml", "csv", "timelinejs" })
    void aPublicCallerExportsNoHiddenEntityOrField(String format) throws Exception {
        String query = "?entityId=" + encode(FIELD_LEAD) + ("timelinejs".equals(format) ? "" : "&depth=1");
        for (String role : List.of("public", "journalist")) {
            String whole = text(export(role, "/export/" + format));
            String subgraph = text(export(role, "/export/" + format + query));
            for (String hidden : HIDDEN_TEXT) {
                assertThat(whole).as(role + " whole graph").doesNotContain(hidden);
                assertThat(subgraph).as(role + " subgraph").doesNotContain(hidden);
            }
            // The published records themselves are there, without their hidden fields.
            assertThat(subgraph).contains("timelinejs".equals(format) ? "Tolvane briefing" : "Brisa Tolvane");
        }
        String investigator = text(export("investigator", "/export/" + format + query));
        assertThat(investigator).contains("Veldcroft", "Marrowgate");
        if (!"timelinejs".equals(format)) {
            assertThat(investigator).contains("Quillon Ferreday");
        }
    }

    @Test
    void anInvestigatorsExportOfSensitiveRecordsIsAudited() throws Exception {
        export("investigator", "/export/graphml?entityId=" + encode(FIELD_LEAD));
        List<String> audited = this.graph.query("""
                MATCH (a:AuditEntry {action: 'readSensitive', actor: 'key:investigator'})
                WHERE a.target IN $targets RETURN DISTINCT a.target AS target ORDER BY target
                """, Map.of("targets", List.of(FIELD_LEAD, HIDDEN_LEAD, FIELD_LINK, HIDDEN_LINK)),
                (r) -> r.get("target").asString());
        // The link to the hidden lead is not sensitive itself: reading it is not audited,
        // as in GraphQL.
        assertThat(audited).containsExactlyInAnyOrder(FIELD_LEAD, HIDDEN_LEAD, FIELD_LINK);
    }

    @Test
    void victimsAreLeftOutOfFtmAndAreGroupRecordsElsewhere() throws Exception {
        for (String format : List.of("ftm", "graphml", "csv", "timelinejs")) {
            assertThat(VictimIdentifiers.findIn(text(export("investigator", "/export/" + format)))).as(format)
                .isEmpty();
        }
        org.w3c.dom.Document graphml = parse(export("public", "/export/graphml"));
        List<Element> victims = new ArrayList<>();
        NodeList nodes = graphml.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "node");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            if ("Victim".equals(data(node).get("n_type"))) {
                victims.add(node);
            }
        }
        assertThat((long) victims.size()).isEqualTo(visibleEntities(Role.PUBLIC, "Victim")).isPositive();
        for (Element victim : victims) {
            // A label, a summary and a count of sources: no date, kind or other detail.
            assertThat(data(victim).keySet()).isSubsetOf("n_id", "n_type", "n_name", "n_summary", "n_sourceCount");
            assertThat(data(victim).get("n_id")).startsWith("victim/");
            assertThat(victim.getAttribute("id")).startsWith("victim.");
        }
    }

    @Test
    void theTimelineHasTimelineJsShapeAndTheEventsGraphQlServes() throws Exception {
        String entity = "place/cambodia";
        JsonNode timeline = JSON
            .readTree(export("public", "/export/timelinejs?entityId=" + entity + "&from=2002&to=2015"));
        assertThat(timeline.at("/title/text/headline").asString()).isEqualTo("Cambodia");
        JsonNode events = timeline.get("events");
        // The same events, in the same order, as the timeline query pages them.
        List<Map<String, Object>> expected = new ArrayList<>();
        GraphQlHttp http = new GraphQlHttp(this.port);
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("id", entity));
            variables.put("after", after);
            Map<String, Object> response = http.post(null,
                    """
                            query($id: ID, $after: String) { timeline(entityId: $id, from: "2002", to: "2015", first: 100, after: $after) {
                              edges { node { id name date endDate sources { quote } cases { name } } } pageInfo { hasNextPage endCursor } } }""",
                    variables);
            @SuppressWarnings("unchecked")
            Map<String, Object> connection = (Map<String, Object>) ((Map<String, Object>) response.get("data"))
                .get("timeline");
            for (Object edge : (List<?>) connection.get("edges")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) edge).get("node");
                expected.add(node);
            }
            Map<?, ?> pageInfo = (Map<?, ?>) connection.get("pageInfo");
            after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
        }
        while (after != null);
        assertThat(events.size()).isEqualTo(expected.size()).isGreaterThan(5);
        boolean sawYearOnly = false;
        boolean sawDay = false;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            Map<String, Object> node = expected.get(i);
            String date = (String) node.get("date");
            assertThat(event.get("unique_id").asString()).isEqualTo(((String) node.get("id")).replace('/', '-'));
            assertThat(event.get("start_date").get("year").isInt()).isTrue();
            List<String> parts = List.of(date.split("-"));
            List<String> keys = List.of("year", "month", "day").subList(0, parts.size());
            assertThat(event.get("start_date").propertyNames()).containsExactlyElementsOf(keys);
            for (int p = 0; p < parts.size(); p++) {
                assertThat(event.get("start_date").get(keys.get(p)).asInt()).isEqualTo(Integer.parseInt(parts.get(p)));
            }
            sawYearOnly |= parts.size() == 1;
            sawDay |= parts.size() == 3;
            assertThat(event.has("end_date")).isEqualTo(node.get("endDate") != null);
            assertThat(event.at("/text/headline").asString())
                .isEqualTo(HtmlUtils.htmlEscape((String) node.get("name")));
            assertThat(event.at("/text/text").isString()).isTrue();
            List<?> cases = (List<?>) node.get("cases");
            if (cases.isEmpty()) {
                assertThat(event.has("group")).isFalse();
            }
            else {
                assertThat(cases.stream().map((c) -> HtmlUtils.htmlEscape((String) ((Map<?, ?>) c).get("name"))))
                    .contains(event.get("group").asString());
            }
            // Sources and their quotes travel with the event.
            assertThat(event.at("/media/credit").asString()).isNotBlank();
            for (Object source : (List<?>) node.get("sources")) {
                String quote = HtmlUtils.htmlEscape((String) ((Map<?, ?>) source).get("quote"));
                assertThat(event.at("/text/text").asString()).contains(quote);
                assertThat(event.at("/media/caption").asString()).contains(quote);
            }
        }
        assertThat(sawYearOnly).as("a year-only event").isTrue();
        assertThat(sawDay).as("an event dated to the day").isTrue();
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Map<String, String> data(Element element) {
        Map<String, String> data = new LinkedHashMap<>();
        NodeList list = element.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "data");
        for (int i = 0; i < list.getLength(); i++) {
            Element item = (Element) list.item(i);
            data.put(item.getAttribute("key"), item.getTextContent());
        }
        return data;
    }

    /**
     * A GraphML reader loads the export as Gephi or yEd would: JGraphT's importer, which
     * validates the document against the GraphML schema first, finds every public entity
     * and relationship, with their attributes.
     */
    @Test
    void aGraphMlReaderLoadsTheExport() throws Exception {
        org.jgrapht.Graph<String, DefaultEdge> loaded = GraphTypeBuilder.<String, DefaultEdge>directed()
            .allowingMultipleEdges(true)
            .allowingSelfLoops(true)
            .edgeClass(DefaultEdge.class)
            .buildGraph();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory((id) -> id);
        Map<String, Map<String, String>> attributes = new HashMap<>();
        importer.addVertexAttributeConsumer((vertexAndKey, value) -> attributes
            .computeIfAbsent(vertexAndKey.getFirst(), (vertex) -> new HashMap<>())
            .put(vertexAndKey.getSecond(), value.getValue()));
        importer.importGraph(loaded, new java.io.InputStreamReader(
                new ByteArrayInputStream(export("public", "/export/graphml")), StandardCharsets.UTF_8));
        assertThat((long) loaded.vertexSet().size()).isEqualTo(visibleEntities(Role.PUBLIC, null));
        assertThat((long) loaded.edgeSet().size()).isEqualTo(visibleRelationships(Role.PUBLIC));
        assertThat(attributes.get("person.alexander-trofimov")).containsEntry("id", "person/alexander-trofimov")
            .containsEntry("type", "Person")
            .containsEntry("name", "Alexander Trofimov");
    }

    @Test
    void graphmlParsesAndUsesOnlyDeclaredKeys() throws Exception {
        org.w3c.dom.Document graphml = parse(export("public", "/export/graphml"));
        assertThat(graphml.getDocumentElement().getLocalName()).isEqualTo("graphml");
        assertThat(graphml.getDocumentElement().getNamespaceURI()).isEqualTo(GraphMlWriter.NAMESPACE);
        Map<String, String> keys = new HashMap<>();
        NodeList keyList = graphml.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "key");
        for (int i = 0; i < keyList.getLength(); i++) {
            Element key = (Element) keyList.item(i);
            keys.put(key.getAttribute("id"), key.getAttribute("for"));
            assertThat(key.getAttribute("attr.type")).isIn("string", "int");
        }
        assertThat(keys.keySet()).contains("n_type", "n_name", "n_date", "n_endDate", "n_sourceCount", "e_type",
                "e_validFrom", "e_validTo", "e_sourceCount");
        Set<String> nodeIds = new HashSet<>();
        for (String domain : List.of("node", "edge")) {
            NodeList elements = graphml.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, domain);
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                for (String key : data(element).keySet()) {
                    assertThat(keys.get(key)).as(key + " declared for " + domain).isEqualTo(domain);
                }
                if ("node".equals(domain)) {
                    nodeIds.add(element.getAttribute("id"));
                    assertThat(data(element).get("n_sourceCount")).matches("[1-9][0-9]*");
                }
                else {
                    assertThat(nodeIds).contains(element.getAttribute("source"), element.getAttribute("target"));
                }
            }
        }
        assertThat((long) nodeIds.size()).isEqualTo(visibleEntities(Role.PUBLIC, null));
        assertThat((long) graphml.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "edge").getLength())
            .isEqualTo(visibleRelationships(Role.PUBLIC));
    }

    /** RFC 4180, read independently of the writer. */
    static List<List<String>> readCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            }
            else {
                field.append(c);
            }
        }
        assertThat(quoted).as("an unterminated quote").isFalse();
        assertThat(row).as("the last row ends with CRLF").isEmpty();
        return rows;
    }

    @Test
    void csvZipHoldsNodesAndEdgesQuotedAsRfc4180() throws Exception {
        HttpResponse<byte[]> response = get("public", "/export/csv");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> entries = unzip(response.body());
        assertThat(entries.keySet()).containsExactly("nodes.csv", "edges.csv");
        List<List<String>> nodes = readCsv(entries.get("nodes.csv"));
        List<List<String>> edges = readCsv(entries.get("edges.csv"));
        assertThat(nodes.get(0)).containsExactly("Id", "Label", "type", "name", "kind", "date", "endDate", "summary",
                "sourceCount");
        assertThat(edges.get(0)).containsExactly("Source", "Target", "Type", "Id", "Label", "relationship", "role",
                "validFrom", "validTo", "sourceCount");
        assertThat(nodes).allSatisfy((row) -> assertThat(row).hasSize(nodes.get(0).size()));
        assertThat(edges).allSatisfy((row) -> assertThat(row).hasSize(edges.get(0).size()));
        assertThat((long) nodes.size() - 1).isEqualTo(visibleEntities(Role.PUBLIC, null));
        assertThat((long) edges.size() - 1).isEqualTo(visibleRelationships(Role.PUBLIC));
        // A summary with commas and a quote with quotation marks come back exactly as
        // GraphQL serves them.
        Map<String, Object> served = new GraphQlHttp(this.port).post(null,
                "{ entity(id: \"person/alexander-trofimov\") { name summary } }", Map.of());
        Map<?, ?> trofimov = (Map<?, ?>) ((Map<?, ?>) served.get("data")).get("entity");
        List<String> row = nodes.stream()
            .filter((r) -> r.get(0).equals("person/alexander-trofimov"))
            .findFirst()
            .orElseThrow();
        assertThat(row.get(1)).isEqualTo(trofimov.get("name"));
        assertThat(row.get(7)).isEqualTo(trofimov.get("summary")).contains(",");
        assertThat(entries.get("nodes.csv")).contains("\"" + trofimov.get("summary") + "\"");
    }

    private Set<String> ids(NodeList elements) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            ids.add(data(element).get(element.getLocalName().equals("node") ? "n_id" : "e_id"));
        }
        return ids;
    }

    @ParameterizedTest(name = "{0} at depth {1}, types {2}")
    @CsvSource(delimiter = ';',
            value = { "document/senators-letter-to-clinton-on-cambodian-pardons; 1; SIGNED",
                    "person/alexander-trofimov; 1; ", "person/alexander-trofimov; 2; ",
                    "case/trofimov-child-sexual-abuse; 2; PART_OF,DEFENDANT_IN" })
    void aSubgraphHasTheNodesAndLinksOfTheNeighbourhood(String id, int depth, String types) throws Exception {
        String query = "?entityId=" + encode(id) + "&depth=" + depth
                + (types == null ? "" : "&relationshipTypes=" + types);
        org.w3c.dom.Document graphml = parse(export("public", "/export/graphml" + query));
        Map<String, Object> variables = new HashMap<>(Map.of("id", id, "depth", depth));
        variables.put("types", types == null ? null : List.of(types.split(",")));
        Map<String, Object> response = new GraphQlHttp(this.port).post(null,
                """
                        query($id: ID!, $depth: Int, $types: [String!]) { neighborhood(id: $id, depth: $depth, relationshipTypes: $types, limit: 500) {
                          truncated nodes { id } relationships { id type } } }""",
                variables);
        Map<?, ?> neighborhood = (Map<?, ?>) ((Map<?, ?>) response.get("data")).get("neighborhood");
        assertThat(neighborhood.get("truncated")).isEqualTo(false);
        Set<String> nodes = new HashSet<>();
        ((List<?>) neighborhood.get("nodes")).forEach((node) -> nodes.add((String) ((Map<?, ?>) node).get("id")));
        Set<String> relationships = new HashSet<>();
        ((List<?>) neighborhood.get("relationships"))
            .forEach((r) -> relationships.add((String) ((Map<?, ?>) r).get("id")));
        assertThat(ids(graphml.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "node"))).isEqualTo(nodes)
            .hasSizeGreaterThan(2);
        assertThat(ids(graphml.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "edge"))).isEqualTo(relationships);
        if (types != null) {
            NodeList edges = graphml.getElementsByTagNameNS(GraphMlWriter.NAMESPACE, "edge");
            for (int i = 0; i < edges.getLength(); i++) {
                assertThat(List.of(types.split(","))).contains(data((Element) edges.item(i)).get("e_type"));
            }
        }
        // The same subgraph as CSV.
        Map<String, String> csv = unzip(export("public", "/export/csv" + query));
        assertThat(readCsv(csv.get("nodes.csv"))).hasSize(nodes.size() + 1);
        assertThat(readCsv(csv.get("edges.csv"))).hasSize(relationships.size() + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = { "/export/pdf; format; unknown format 'pdf'",
            "/export/ftm?entityId=person/alexander-trofimov&depth=4; depth; must be between 1 and 3, not 4",
            "/export/ftm?entityId=person/alexander-trofimov&depth=two; depth; whole number",
            "/export/graphml?depth=2; depth; needs entityId",
            "/export/graphml?entityId=person/nobody-at-all; entityId; no entity has the id 'person/nobody-at-all'",
            "/export/csv?entityId=" + HIDDEN_LEAD + "; entityId; no entity has the id",
            "/export/timelinejs?from=2011-13; from; is not a PartialDate",
            "/export/timelinejs?from=2012&to=2011; from; is after",
            "/export/timelinejs?depth=2; depth; applies to ftm, graphml and csv",
            "/export/ftm?from=2011; from; applies to timelinejs only",
            "/export/csv?relationshipTypes=KNOWS; relationshipTypes; unknown relationship type 'KNOWS'",
            "/export/ftm?entity=person/alexander-trofimov; entity; unknown parameter" })
    void badParametersAreRefusedNamingTheParameter(String path, String parameter, String message) throws Exception {
        HttpResponse<byte[]> response = get("public", path);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("parameter").asString()).isEqualTo(parameter);
        assertThat(body.get("error").asString()).startsWith("Invalid argument '" + parameter + "'").contains(message);
    }

    @Test
    void anUnknownKeyIsRefused() throws Exception {
        HttpResponse<byte[]> response = get("not-a-key-this-server-knows", "/export/ftm");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("not known to this server");
    }

    @Test
    void responsesSayWhatTheyAreAndAreNotCachedForAKey() throws Exception {
        HttpResponse<byte[]> ftm = get("journalist", "/export/ftm?entityId=person/alexander-trofimov");
        assertThat(ftm.headers().firstValue("Content-Type")).hasValue("application/x-ndjson;charset=UTF-8");
        assertThat(ftm.headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"casegraph.ftm.json\"");
        assertThat(ftm.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(get("public", "/export/graphml").headers().firstValue("Content-Type"))
            .hasValue("application/graphml+xml;charset=UTF-8");
    }

}
