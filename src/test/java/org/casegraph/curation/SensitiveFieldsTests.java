package org.casegraph.curation;

import java.util.List;
import java.util.Map;

import org.casegraph.graph.Graph;
import org.casegraph.ingest.SeedLoader;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields marked sensitive on a published entity and a published relationship: every reader keeps seeing the
 * record, only investigators and up see those fields, whichever way the record is reached; editing, loading the
 * seed data again and publishing behave as an editor expects.
 */
@RolesTest
class SensitiveFieldsTests {

    private static final String SOURCE = "document/the-current-trofimov-arrest-order";

    private static final Map<String, String> KEYS = Map.of("public", "", "journalist", "test-journalist-key",
            "investigator", "test-investigator-key", "editor", "test-editor-key");

    private static final String HOLDER = "person/ottilie-brannock";

    private static final String LINK = HOLDER + "|WORKS_FOR|organization/international-justice-mission";

    private static final String MARK = """
            mutation($input: MarkFieldsSensitiveInput!) {
              markFieldsSensitive(input: $input) { version entity { summary sensitiveFields ... on Person { nationality } } }
            }""";

    private static boolean prepared;

    @LocalServerPort
    int port;

    @Autowired
    SeedLoader seedLoader;

    @Autowired
    Graph graph;

    private String post(String key, String document, Map<String, Object> variables) throws Exception {
        return new GraphQlHttp(this.port).text(key, document, variables);
    }

    private String edit(String document, Map<String, Object> input) throws Exception {
        return new GraphQlHttp(this.port).mutate("test-editor-key", document, input);
    }

    @BeforeEach
    void prepare() throws Exception {
        if (prepared) {
            return;
        }
        List<Map<String, String>> citation = List.of(Map.of("document", SOURCE, "quote", "IJM"));
        String create = "mutation($input: CreateEntityInput!) { createEntity(input: $input) { version } }";
        edit(create, Map.of("id", HOLDER, "type", "Person", "name", "Ottilie Brannock", "summary",
                "Suspected courier of the Kestrel ring.", "fields", Map.of("nationality", "Norway", "party", "none"),
                "sources", citation));
        edit(create, Map.of("id", "event/brannock-briefing", "type", "Event", "name", "Brannock briefing", "summary",
                "Kestrel debrief at the field office.", "fields", Map.of("date", "2013-06", "kind", "interview"),
                "sources", citation));
        String link = "mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { version } }";
        edit(link, Map.of("type", "WORKS_FOR", "from", HOLDER, "to", "organization/international-justice-mission",
                "properties", Map.of("role", "driver", "note", "paid through the Kestrel account"), "sources", citation));
        edit(link, Map.of("type", "PARTICIPATED_IN", "from", HOLDER, "to", "event/brannock-briefing", "sources", citation));
        String marked = edit(MARK, Map.of("id", HOLDER, "expectedVersion", 1, "fields", List.of("summary", "nationality"),
                "sensitive", true, "reason", "unpublished lead"));
        // The editor's answer still shows everything, and which fields are hidden from readers.
        assertThat(marked).contains("Kestrel ring", "Norway", "\"sensitiveFields\":[\"nationality\",\"summary\"]",
                "\"version\":2");
        edit(MARK, Map.of("id", "event/brannock-briefing", "expectedVersion", 1, "fields", List.of("summary"),
                "sensitive", true, "reason", "unpublished lead"));
        edit("""
                mutation($input: MarkFieldsSensitiveInput!) {
                  markRelationshipFieldsSensitive(input: $input) { version relationship { note role } }
                }""", Map.of("id", LINK, "expectedVersion", 1, "fields", List.of("note"), "sensitive", true,
                "reason", "protects a source"));
        prepared = true;
    }

    /** Every way to reach the entity, its event or its link, asking for the hidden fields each time. */
    private static final List<String> WAYS = List.of(
            "{ entity(id: \"%1$s\") { id summary sensitiveFields ... on Person { nationality party } } }",
            "{ node(id: \"%1$s\") { id ... on Person { summary nationality } } }",
            "{ search(query: \"Ottilie Brannock\") { edges { node { id summary ... on Person { nationality } } highlights } } }",
            "{ neighborhood(id: \"%1$s\") { nodes { id summary } relationships { id note role } } }",
            "{ paths(fromId: \"%1$s\", toId: \"organization/international-justice-mission\") { nodes { id summary } relationships { note } } }",
            "{ commonConnections(ids: [\"event/brannock-briefing\", \"organization/international-justice-mission\"]) { node { id summary } relationships { note } } }",
            "{ entity(id: \"%1$s\") { relationships { id note role sensitiveFields } ... on Person { affiliations { note to { id } } } } }",
            "{ entity(id: \"organization/international-justice-mission\") { ... on Organization { members { note from { id summary } } } } }",
            "{ timeline(entityId: \"%1$s\") { edges { node { id summary } } } }",
            "{ entity(id: \"event/brannock-briefing\") { id summary ... on Event { participants { from { id summary ... on Person { nationality } } } } } }");

    @ParameterizedTest(name = "{0} sees the hidden fields: {1}")
    @CsvSource({ "public, false", "journalist, false", "investigator, true", "editor, true" })
    void everyRoleSeesTheRecordAndOnlySomeItsSensitiveFields(String role, boolean seesFields) throws Exception {
        for (String way : WAYS) {
            String response = post(KEYS.get(role), way.formatted(HOLDER), Map.of());
            assertThat(response).as(role + ": " + way).doesNotContain("\"errors\"");
            // The records themselves stay published.
            assertThat(response).as(role + " still reaches the record: " + way)
                .containsAnyOf(HOLDER, "event/brannock-briefing");
            if (seesFields) {
                assertThat(response).as(role + " should see the hidden fields: " + way).contains("Kestrel");
            }
            else {
                assertThat(response).as(role + " must not see a hidden field: " + way)
                    .doesNotContain("Kestrel")
                    .doesNotContain("Norway")
                    .doesNotContain("nationality\",\"summary")
                    .doesNotContain("\"note\"]");
            }
        }
        // A field not marked stays public.
        assertThat(post(KEYS.get(role), WAYS.get(0).formatted(HOLDER), Map.of())).contains("\"party\":\"none\"");
        assertThat(post(KEYS.get(role), WAYS.get(6).formatted(HOLDER), Map.of())).contains("\"role\":\"driver\"",
                "\"sensitiveFields\":[" + (seesFields ? "\"note\"]" : "]"));
    }

    @Test
    void hiddenTextIsNotSearchableByReaders() throws Exception {
        String found = post("", "{ search(query: \"Kestrel\") { totalCount edges { node { id } } } }", Map.of());
        assertThat(found).doesNotContain(HOLDER).doesNotContain("brannock");
    }

    @Test
    void editingAHiddenFieldKeepsItHiddenAndPublishingShowsItAgain() throws Exception {
        edit(create("person/ivo-santander", "Ivo Santander", "Lead on the Marten transfers."), Map.of());
        edit(MARK, Map.of("id", "person/ivo-santander", "expectedVersion", 1, "fields", List.of("summary"),
                "sensitive", true, "reason", "unpublished"));
        edit("mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }",
                Map.of("id", "person/ivo-santander", "expectedVersion", 2, "summary", "Lead on the Marten and Osprey transfers."));
        String query = "{ entity(id: \"person/ivo-santander\") { summary } }";
        assertThat(post("", query, Map.of())).contains("\"summary\":null").doesNotContain("Osprey");
        assertThat(post("test-investigator-key", query, Map.of())).contains("Marten and Osprey");
        edit(MARK, Map.of("id", "person/ivo-santander", "expectedVersion", 3, "fields", List.of("summary"),
                "sensitive", false, "reason", "published in the report"));
        assertThat(post("", query, Map.of())).contains("Marten and Osprey");
        String audit = post("", "{ search(query: \"Osprey\") { edges { node { id } } } }", Map.of());
        assertThat(audit).as("published text is searchable again").contains("person/ivo-santander");
    }

    @Test
    void loadingTheSeedDataAgainKeepsEditorsDecisions() throws Exception {
        String trofimov = "person/alexander-trofimov";
        edit(MARK, Map.of("id", trofimov, "expectedVersion", 1, "fields", List.of("nationality"), "sensitive", true,
                "reason", "test of a reload"));
        this.seedLoader.load();
        String query = "{ entity(id: \"" + trofimov + "\") { ... on Person { nationality } } }";
        assertThat(post("", query, Map.of())).contains("\"nationality\":null");
        assertThat(post("test-investigator-key", query, Map.of())).contains("\"nationality\":\"Russia\"");
        // The reload changed the record, so an editor still holding version 2 is told to read it again.
        String stale = post("test-editor-key", MARK, Map.of("input", Map.of("id", trofimov, "expectedVersion", 2,
                "fields", List.of("nationality"), "sensitive", false, "reason", "end of the test")));
        assertThat(stale).contains("is at version 3, not 2");
        edit(MARK, Map.of("id", trofimov, "expectedVersion", 3, "fields", List.of("nationality"), "sensitive", false,
                "reason", "end of the test"));
        assertThat(post("", query, Map.of())).contains("\"nationality\":\"Russia\"");
    }

    @Test
    void readsOfHiddenFieldsAreAudited() throws Exception {
        long before = reads(HOLDER);
        post("", WAYS.get(0).formatted(HOLDER), Map.of());
        assertThat(reads(HOLDER)).isEqualTo(before);
        post("test-investigator-key", WAYS.get(0).formatted(HOLDER), Map.of());
        assertThat(reads(HOLDER)).isEqualTo(before + 1);
        long linkReads = reads(LINK);
        post("test-investigator-key", WAYS.get(6).formatted(HOLDER), Map.of());
        assertThat(reads(LINK)).isEqualTo(linkReads + 1);
    }

    @Test
    void fieldsThatIdentifyOrOrderTheGraphCannotBeHidden() throws Exception {
        String response = post("test-editor-key", MARK, Map.of("input", Map.of("id", HOLDER, "expectedVersion", 2,
                "fields", List.of("name", "date", "colour"), "sensitive", true, "reason", "x")));
        assertThat(response).contains("field 'name' identifies the record", "field 'date' identifies the record",
                "unknown field 'colour'");
        String stale = post("test-editor-key", MARK, Map.of("input", Map.of("id", HOLDER, "expectedVersion", 1,
                "fields", List.of("party"), "sensitive", true, "reason", "x")));
        assertThat(stale).contains("CONFLICT", "is at version 2, not 1");
        String journalist = post("test-journalist-key", MARK, Map.of("input", Map.of("id", HOLDER, "expectedVersion", 2,
                "fields", List.of("party"), "sensitive", true, "reason", "x")));
        assertThat(journalist).contains("FORBIDDEN");
        assertThat(post("", WAYS.get(0).formatted(HOLDER), Map.of())).contains("\"party\":\"none\"");
    }

    private long reads(String target) {
        return this.graph.single("MATCH (a:AuditEntry {action: 'readSensitive', target: $target}) RETURN count(a) AS n",
                Map.of("target", target), (r) -> r.get("n").asLong());
    }

    private static String create(String id, String name, String summary) {
        return ("mutation { createEntity(input: {id: \"%s\", type: \"Person\", name: \"%s\", summary: \"%s\", "
                + "sources: [{document: \"%s\", quote: \"IJM\"}]}) { version } }").formatted(id, name, summary, SOURCE);
    }

}
