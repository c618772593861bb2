package org.casegraph.curation;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.casegraph.graph.Graph;
import org.casegraph.seed.SeedLoader;
import org.casegraph.support.GraphQlDocuments;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields marked sensitive on a published entity and a published relationship: every
 * reader keeps seeing the record, only investigators and up see those fields, whichever
 * way the record is reached; editing, loading the seed data again and publishing behave
 * as an editor expects.
 */
@RolesTest
class SensitiveFieldsTests {

    private static final String SOURCE = "document/the-current-trofimov-arrest-order";

    private static final Map<String, String> KEYS = Map.of("public", "", "journalist", "test-journalist-key",
            "investigator", "test-investigator-key", "editor", "test-editor-key");

    private static final String HOLDER = "person/ottilie-brannock";

    private static final String LINK = HOLDER + "|WORKS_FOR|organization/international-justice-mission";

    private static final String MARK = "curation/markFieldsSensitive";

    private static final String CREATE = "curation/createEntity";

    private static final String LINK_THEM = "curation/createRelationship";

    private static final String MARK_LINK = "curation/markRelationshipFieldsSensitive";

    private static final String MERGE = "curation/mergeEntities";

    private static boolean prepared;

    @LocalServerPort
    int port;

    @Autowired
    SeedLoader seedLoader;

    @Autowired
    Graph graph;

    private GraphQlDocuments graphQl;

    /** A read given as text, as the ways to reach a record are. */
    private String post(String key, String document, Map<String, Object> variables) {
        return this.graphQl.textOf(key, document, variables);
    }

    /** Document {@code name} under graphql-test/, answered as JSON text. */
    private String run(String key, String name, Map<String, Object> variables) {
        return this.graphQl.text(key, name, variables);
    }

    /** An editor's mutation that must succeed. */
    private String edit(String name, Map<String, Object> input) {
        return this.graphQl.mutate("test-editor-key", name, input);
    }

    @BeforeEach
    void prepare() {
        this.graphQl = new GraphQlDocuments(this.port);
        if (prepared) {
            return;
        }
        List<Map<String, String>> citation = List.of(Map.of("document", SOURCE, "quote", "IJM"));
        edit(CREATE,
                Map.of("id", HOLDER, "type", "Person", "name", "Ottilie Brannock", "summary",
                        "Suspected courier of the Kestrel ring.", "fields",
                        Map.of("nationality", "Norway", "party", "none"), "sources", citation));
        edit(CREATE,
                Map.of("id", "event/brannock-briefing", "type", "Event", "name", "Brannock briefing", "summary",
                        "Kestrel debrief at the field office.", "fields",
                        Map.of("date", "2013-06", "kind", "interview"), "sources", citation));
        edit(LINK_THEM,
                Map.of("type", "WORKS_FOR", "from", HOLDER, "to", "organization/international-justice-mission",
                        "properties", Map.of("role", "driver", "note", "paid through the Kestrel account"), "sources",
                        citation));
        edit(LINK_THEM, Map.of("type", "PARTICIPATED_IN", "from", HOLDER, "to", "event/brannock-briefing", "sources",
                citation));
        String marked = edit(MARK, Map.of("id", HOLDER, "expectedVersion", 1, "fields",
                List.of("summary", "nationality"), "sensitive", true, "reason", "unpublished lead"));
        // The editor's answer still shows everything, and which fields are hidden from
        // readers.
        assertThat(marked).contains("Kestrel ring", "Norway", "\"sensitiveFields\":[\"nationality\",\"summary\"]",
                "\"version\":2");
        edit(MARK, Map.of("id", "event/brannock-briefing", "expectedVersion", 1, "fields", List.of("summary"),
                "sensitive", true, "reason", "unpublished lead"));
        edit(MARK_LINK, Map.of("id", LINK, "expectedVersion", 1, "fields", List.of("note"), "sensitive", true, "reason",
                "protects a source"));
        prepared = true;
    }

    /**
     * Every way to reach the entity, its event or its link, asking for the hidden fields
     * each time.
     */
    private static final List<String> WAYS = List.of(
            "{ entity(id: \"%1$s\") { id summary sensitiveFields ... on Person { nationality party } } }",
            "{ node(id: \"%1$s\") { id ... on Person { summary nationality } } }",
            "{ search(query: \"Ottilie Brannock\") { edges { node { id summary ... on Person { nationality } } highlights } } }",
            "{ search(query: \"Ottilie Brannock\") { edges { node { id summary sensitiveFields ... on Person { nationality } } } } }",
            "{ neighborhood(id: \"%1$s\") { nodes { id summary } relationships { id note role } } }",
            "{ neighborhood(id: \"%1$s\") { nodes { id summary sensitiveFields ... on Person { nationality party } } } }",
            "{ paths(fromId: \"%1$s\", toId: \"organization/international-justice-mission\") { nodes { id summary } relationships { note } hops { from { id summary } to { id summary } relationships { note role } } } }",
            "{ commonConnections(ids: [\"event/brannock-briefing\", \"organization/international-justice-mission\"]) { node { id summary } relationships { note } } }",
            "{ entity(id: \"%1$s\") { relationships { id note role sensitiveFields } ... on Person { affiliations { note to { id } } } } }",
            "{ entity(id: \"organization/international-justice-mission\") { ... on Organization { members { note from { id summary } } } } }",
            "{ timeline(entityId: \"%1$s\") { edges { node { id summary } } } }",
            "{ timeline(entityId: \"%1$s\") { edges { node { id summary sensitiveFields relationships { id } } } } }",
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
        assertThat(post(KEYS.get(role), WAYS.get(8).formatted(HOLDER), Map.of())).contains("\"role\":\"driver\"",
                "\"sensitiveFields\":[" + (seesFields ? "\"note\"]" : "]"));
    }

    @Test
    void hiddenTextIsNotSearchableByReaders() throws Exception {
        String found = post("", "{ search(query: \"Kestrel\") { totalCount edges { node { id } } } }", Map.of());
        assertThat(found).doesNotContain(HOLDER).doesNotContain("brannock");
    }

    @Test
    void editingAHiddenFieldKeepsItHiddenAndPublishingShowsItAgain() throws Exception {
        edit(CREATE, person("person/ivo-santander", "Ivo Santander", "Lead on the Marten transfers."));
        edit(MARK, Map.of("id", "person/ivo-santander", "expectedVersion", 1, "fields", List.of("summary"), "sensitive",
                true, "reason", "unpublished"));
        edit("curation/updateEntity", Map.of("id", "person/ivo-santander", "expectedVersion", 2, "summary",
                "Lead on the Marten and Osprey transfers."));
        String query = "{ entity(id: \"person/ivo-santander\") { summary } }";
        assertThat(post("", query, Map.of())).contains("\"summary\":null").doesNotContain("Osprey");
        assertThat(post("test-investigator-key", query, Map.of())).contains("Marten and Osprey");
        edit(MARK, Map.of("id", "person/ivo-santander", "expectedVersion", 3, "fields", List.of("summary"), "sensitive",
                false, "reason", "published in the report"));
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
        // The reload changed the record, so an editor still holding version 2 is told to
        // read it again.
        String stale = run("test-editor-key", MARK, Map.of("input", Map.of("id", trofimov, "expectedVersion", 2,
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
        post("test-investigator-key", WAYS.get(8).formatted(HOLDER), Map.of());
        assertThat(reads(LINK)).isEqualTo(linkReads + 1);
    }

    /**
     * The lists that read only the fields a client selects (a neighbourhood, a timeline,
     * a search) record a read of hidden fields all the same, though none is selected.
     */
    @Test
    void aListThatSelectsOnlyNamesStillAuditsTheHiddenFieldsItRead() throws Exception {
        Map<String, String> reads = Map.of(HOLDER,
                "{ neighborhood(id: \"organization/international-justice-mission\", limit: 500) { nodes { name } } }",
                "event/brannock-briefing", "{ timeline(entityId: \"" + HOLDER + "\") { edges { node { name } } } }");
        for (Map.Entry<String, String> read : reads.entrySet()) {
            long before = reads(read.getKey());
            assertThat(post("", read.getValue(), Map.of())).doesNotContain("Kestrel");
            assertThat(reads(read.getKey())).as("a public read is not audited").isEqualTo(before);
            assertThat(post("test-investigator-key", read.getValue(), Map.of())).doesNotContain("Kestrel");
            assertThat(reads(read.getKey())).as(read.getValue()).isEqualTo(before + 1);
        }
        long before = reads(HOLDER);
        post("test-investigator-key", "{ search(query: \"Ottilie Brannock\") { edges { node { name } } } }", Map.of());
        assertThat(reads(HOLDER)).isEqualTo(before + 1);
    }

    @Test
    void aSensitiveLinkIsAuditedWhateverFieldsAreSelectedAndPublicReadsAreNot() throws Exception {
        List<Map<String, String>> citation = List.of(Map.of("document", SOURCE, "quote", "IJM"));
        String create = CREATE;
        edit(create, Map.of("id", "person/wren-adair", "type", "Person", "name", "Wren Adair", "summary", "A fixer.",
                "sources", citation));
        edit(create, Map.of("id", "event/adair-interview", "type", "Event", "name", "Adair interview", "summary",
                "An interview.", "fields", Map.of("date", "2014-02", "kind", "interview"), "sources", citation));
        edit(LINK_THEM, Map.of("type", "PARTICIPATED_IN", "from", "person/wren-adair", "to", "event/adair-interview",
                "sources", citation));
        String link = "person/wren-adair|PARTICIPATED_IN|event/adair-interview";
        String read = "{ entity(id: \"event/adair-interview\") { id ... on Event { participants { role from { id } } } } }";
        long before = allReads();
        assertThat(post("test-investigator-key", read, Map.of())).contains("person/wren-adair");
        assertThat(allReads()).as("an investigator's read of public records leaves no audit entry").isEqualTo(before);
        edit("curation/markRelationshipSensitive",
                Map.of("id", link, "expectedVersion", 1, "sensitive", true, "reason", "protects a source"));
        long linkReads = reads(link);
        long allReads = allReads();
        // The link's id is not selected: the read is recorded all the same.
        assertThat(post("test-investigator-key", read, Map.of())).contains("person/wren-adair");
        assertThat(reads(link)).isEqualTo(linkReads + 1);
        assertThat(allReads()).isEqualTo(allReads + 1);
        assertThat(post("", read, Map.of())).doesNotContain("person/wren-adair");
        // An alias named id that is no record's id: checked, nothing to record, and the
        // answer is intact.
        assertThat(post("test-investigator-key", "{ id: __typename }", Map.of()))
            .isEqualTo("{\"data\":{\"id\":\"Query\"}}");
    }

    /**
     * A timeline or a legal standing can rest on a sensitive link or case without
     * returning it: the answer still reveals it, so an investigator's read is audited,
     * and the public answer leaves it out.
     */
    @Test
    void whatATimelineOrALegalStandingRestsOnIsAudited() throws Exception {
        List<Map<String, String>> citation = List.of(Map.of("document", SOURCE, "quote", "IJM"));
        String create = CREATE;
        String link = LINK_THEM;
        edit(create, Map.of("id", "person/linnea-hollis", "type", "Person", "name", "Linnea Hollis", "summary",
                "A recruiter.", "sources", citation));
        edit(create, Map.of("id", "event/hollis-meeting", "type", "Event", "name", "Hollis meeting", "summary",
                "A meeting.", "fields", Map.of("date", "2012-05", "kind", "interview"), "sources", citation));
        edit(create, Map.of("id", "case/hollis-inquiry", "type", "Case", "name", "Hollis inquiry", "summary",
                "An inquiry.", "sources", citation));
        edit(link, Map.of("type", "PARTICIPATED_IN", "from", "person/linnea-hollis", "to", "event/hollis-meeting",
                "sources", citation));
        edit(link, Map.of("type", "DEFENDANT_IN", "from", "person/linnea-hollis", "to", "case/hollis-inquiry",
                "sources", citation));
        String meeting = "person/linnea-hollis|PARTICIPATED_IN|event/hollis-meeting";
        edit("curation/markRelationshipSensitive",
                Map.of("id", meeting, "expectedVersion", 1, "sensitive", true, "reason", "protects a source"));
        edit("curation/markSensitive",
                Map.of("id", "case/hollis-inquiry", "expectedVersion", 1, "sensitive", true, "reason", "sealed"));

        String timeline = "{ timeline(entityId: \"person/linnea-hollis\") { edges { node { name } } } }";
        long before = reads(meeting);
        assertThat(post("", timeline, Map.of())).doesNotContain("Hollis meeting");
        assertThat(reads(meeting)).isEqualTo(before);
        assertThat(post("test-investigator-key", timeline, Map.of())).contains("Hollis meeting");
        assertThat(reads(meeting)).as("the event is on her timeline through the sensitive link").isEqualTo(before + 1);

        String standing = "{ entity(id: \"person/linnea-hollis\") { ... on Person { legalStatus { standing } } } }";
        long caseReads = reads("case/hollis-inquiry");
        assertThat(post("", standing, Map.of())).contains("\"legalStatus\":[]");
        assertThat(reads("case/hollis-inquiry")).isEqualTo(caseReads);
        assertThat(post("test-investigator-key", standing, Map.of())).contains("\"standing\":\"alleged\"");
        assertThat(reads("case/hollis-inquiry")).as("the standing is in the sensitive case").isEqualTo(caseReads + 1);
    }

    @Test
    void aFieldMarkedSensitiveBeforeItHasAValueStillMakesReadsAudited() throws Exception {
        edit(CREATE, person("person/ansel-quill", "Ansel Quill", "A clerk."));
        edit(MARK, Map.of("id", "person/ansel-quill", "expectedVersion", 1, "fields", List.of("party"), "sensitive",
                true, "reason", "a lead"));
        long before = reads("person/ansel-quill");
        assertThat(post("test-investigator-key", "{ entity(id: \"person/ansel-quill\") { name sensitiveFields } }",
                Map.of()))
            .contains("\"sensitiveFields\":[\"party\"]");
        assertThat(reads("person/ansel-quill")).isEqualTo(before + 1);
    }

    @Test
    void aQueryOverGetRunsAsItsCaller() throws Exception {
        GraphQlHttp http = new GraphQlHttp(this.port);
        String query = WAYS.get(0).formatted(HOLDER);
        long before = reads(HOLDER);
        HttpResponse<String> anonymous = http.get(null, query);
        assertThat(anonymous.body()).contains("\"party\":\"none\"").doesNotContain("Norway");
        assertThat(anonymous.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(anonymous.headers().firstValue("Vary"))
            .hasValueSatisfying((vary) -> assertThat(vary).contains("X-API-Key"));
        assertThat(reads(HOLDER)).isEqualTo(before);
        HttpResponse<String> investigator = http.get("test-investigator-key", query);
        assertThat(investigator.body()).contains("Norway");
        // No shared cache may keep it and hand it to the next caller, unaudited.
        assertThat(investigator.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(reads(HOLDER)).isEqualTo(before + 1);
        HttpResponse<String> unknown = http.get("no-such-key", query);
        assertThat(unknown.statusCode()).as("as a POST answers").isEqualTo(400);
        assertThat(unknown.body()).contains("not known to this server").doesNotContain("ottilie");
    }

    @Test
    void fieldsThatIdentifyOrOrderTheGraphCannotBeHidden() throws Exception {
        String response = run("test-editor-key", MARK, Map.of("input", Map.of("id", HOLDER, "expectedVersion", 2,
                "fields", List.of("name", "date", "colour"), "sensitive", true, "reason", "x")));
        assertThat(response).contains("field 'name' identifies the record", "field 'date' identifies the record",
                "unknown field 'colour'");
        String stale = run("test-editor-key", MARK, Map.of("input", Map.of("id", HOLDER, "expectedVersion", 1, "fields",
                List.of("party"), "sensitive", true, "reason", "x")));
        assertThat(stale).contains("CONFLICT", "is at version 2, not 1");
        String journalist = run("test-journalist-key", MARK, Map.of("input", Map.of("id", HOLDER, "expectedVersion", 2,
                "fields", List.of("party"), "sensitive", true, "reason", "x")));
        assertThat(journalist).contains("FORBIDDEN");
        assertThat(post("", WAYS.get(0).formatted(HOLDER), Map.of())).contains("\"party\":\"none\"");
    }

    @Test
    void requiredFieldsCannotBeHidden() throws Exception {
        String response = run("test-editor-key", MARK,
                Map.of("input", Map.of("id", "statistic/phnom-penh-minor-girls-share-sex-workers", "expectedVersion", 1,
                        "fields", List.of("metric"), "sensitive", true, "reason", "x")));
        assertThat(response).contains("field 'metric' is required of this type");
    }

    @Test
    void creatingALinkAgainKeepsItsHiddenFields() throws Exception {
        edit(CREATE, person("person/nell-okafor", "Nell Okafor", "A driver."));
        String link = LINK_THEM;
        Map<String, Object> input = Map.of("type", "WORKS_FOR", "from", "person/nell-okafor", "to",
                "organization/international-justice-mission", "properties", Map.of("note", "first note"), "sources",
                List.of(Map.of("document", SOURCE, "quote", "IJM")));
        edit(link, input);
        String id = "person/nell-okafor|WORKS_FOR|organization/international-justice-mission";
        edit(MARK_LINK,
                Map.of("id", id, "expectedVersion", 1, "fields", List.of("note"), "sensitive", true, "reason", "x"));
        Map<String, Object> again = new java.util.HashMap<>(input);
        again.put("properties", Map.of("note", "second note"));
        assertThat(edit(link, again)).contains("\"version\":3");
        String query = "{ entity(id: \"person/nell-okafor\") { relationships { note } } }";
        assertThat(post("", query, Map.of())).contains("\"note\":null").doesNotContain("second note");
        assertThat(post("test-investigator-key", query, Map.of())).contains("second note");
    }

    @Test
    void aHiddenRecordCannotBeMergedIntoAPublishedOne() throws Exception {
        edit(CREATE, person("person/quiet-double", "Quiet Double", "An unpublished duplicate."));
        edit(CREATE, person("person/open-original", "Open Original", "The published record."));
        edit("curation/markSensitive",
                Map.of("id", "person/quiet-double", "expectedVersion", 1, "sensitive", true, "reason", "unpublished"));
        String refused = run("test-editor-key", MERGE, Map.of("input",
                Map.of("keep", "person/open-original", "drop", "person/quiet-double", "reason", "same person")));
        assertThat(refused).contains("'person/quiet-double' is sensitive and 'person/open-original' is public");
        assertThat(post("", "{ entity(id: \"person/quiet-double\") { id } }", Map.of())).contains("\"entity\":null");
        assertThat(post("", "{ search(query: \"Quiet Double\") { edges { node { id } } } }", Map.of()))
            .doesNotContain("person/open-original");
    }

    @Test
    void undoingAMergeDoesNotUndoAFieldHiddenSince() throws Exception {
        edit(CREATE, person("person/ada-kestner", "Ada Kestner", "Kept."));
        edit(CREATE, person("person/ada-kestner-2", "A. Kestner", "Duplicate."));
        edit(LINK_THEM,
                Map.of("type", "WORKS_FOR", "from", "person/ada-kestner-2", "to",
                        "organization/international-justice-mission", "properties", Map.of("note", "paid in cash"),
                        "sources", List.of(Map.of("document", SOURCE, "quote", "IJM"))));
        String merged = edit(MERGE,
                Map.of("keep", "person/ada-kestner", "drop", "person/ada-kestner-2", "reason", "same person"));
        String mergeId = merged.replaceAll("(?s).*\"mergeId\":\"([^\"]+)\".*", "$1");
        edit(MARK_LINK, Map.of("id", "person/ada-kestner|WORKS_FOR|organization/international-justice-mission",
                "expectedVersion", 1, "fields", List.of("note"), "sensitive", true, "reason", "x"));
        String undo = run("test-editor-key", "curation/undoMerge",
                Map.of("input", Map.of("mergeId", mergeId, "reason", "not the same")));
        assertThat(undo).contains("CONFLICT", "changed since the merge");
        assertThat(post("", "{ entity(id: \"person/ada-kestner\") { relationships { note } } }", Map.of()))
            .doesNotContain("paid in cash");
    }

    @Test
    void loadingTheSeedDataAgainDoesNotBringBackAMergedEntity() throws Exception {
        edit(MERGE, Map.of("keep", "organization/office-of-senator-carl-levin", "drop",
                "organization/office-of-senator-thad-cochran", "reason", "a test of reloading"));
        this.seedLoader.load();
        long dropped = this.graph.single(
                "MATCH (n:Entity {id: 'organization/office-of-senator-thad-cochran'}) RETURN count(n) AS n", Map.of(),
                (r) -> r.get("n").asLong());
        assertThat(dropped).isZero();
        assertThat(post("", "{ entity(id: \"organization/office-of-senator-thad-cochran\") { id } }", Map.of()))
            .contains("organization/office-of-senator-carl-levin");
    }

    private long allReads() {
        return this.graph.single("MATCH (a:AuditEntry {action: 'readSensitive'}) RETURN count(a) AS n", Map.of(),
                (r) -> r.get("n").asLong());
    }

    private long reads(String target) {
        return this.graph.single("MATCH (a:AuditEntry {action: 'readSensitive', target: $target}) RETURN count(a) AS n",
                Map.of("target", target), (r) -> r.get("n").asLong());
    }

    private static Map<String, Object> person(String id, String name, String summary) {
        return Map.of("id", id, "type", "Person", "name", name, "summary", summary, "sources",
                List.of(Map.of("document", SOURCE, "quote", "IJM")));
    }

}
