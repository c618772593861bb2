package org.casegraph.curation;

import java.util.List;
import java.util.Map;

import org.casegraph.support.GraphQlDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what, through every way in: a sensitive lead only from investigator up, a
 * retracted entity only by editors, and neither reachable by anyone else through search,
 * node, entity, neighborhood, paths, timeline, common connections or a nested field.
 */
@RolesTest
class VisibilityMatrixTests {

    private static final String SOURCE = "document/the-current-trofimov-arrest-order";

    private static final Map<String, String> KEYS = Map.of("public", "", "journalist", "test-journalist-key",
            "investigator", "test-investigator-key", "editor", "test-editor-key");

    private static boolean prepared;

    @LocalServerPort
    int port;

    private GraphQlDocuments graphQl;

    /** A read given as text, as the ways to reach a record are. */
    private String post(String key, String document, Map<String, Object> variables) {
        return this.graphQl.textOf(key, document, variables);
    }

    /**
     * An editor's mutation, document {@code name} under graphql-test/, that must succeed.
     */
    private void write(String name, Map<String, Object> input) {
        this.graphQl.mutate("test-editor-key", name, input);
    }

    @BeforeEach
    void prepare() {
        this.graphQl = new GraphQlDocuments(this.port);
        if (prepared) {
            return;
        }
        String create = "curation/createEntity";
        String link = "curation/createRelationship";
        List<Map<String, String>> citation = List.of(Map.of("document", SOURCE, "quote", "IJM"));
        write(create,
                Map.of("id", "person/secret-lead", "type", "Person", "name", "Zorander Quill", "sources", citation));
        write(create, Map.of("id", "person/withdrawn-witness", "type", "Person", "name", "Yvette Marlowe", "sources",
                citation));
        write(create, Map.of("id", "event/secret-meeting", "type", "Event", "name", "Quill meets IJM", "fields",
                Map.of("date", "2013-05", "kind", "interview"), "sources", citation));
        for (String person : List.of("person/secret-lead", "person/withdrawn-witness")) {
            write(link, Map.of("type", "WORKS_FOR", "from", person, "to", "organization/international-justice-mission",
                    "sources", citation));
            write(link, Map.of("type", "PARTICIPATED_IN", "from", person, "to", "event/secret-meeting", "sources",
                    citation));
        }
        write(link, Map.of("type", "OCCURRED_IN", "from", "event/secret-meeting", "to", "place/cambodia", "sources",
                citation));
        write("curation/markSensitive", Map.of("id", "person/secret-lead", "expectedVersion", 1, "sensitive", true,
                "reason", "unpublished lead"));
        write("curation/markSensitive", Map.of("id", "event/secret-meeting", "expectedVersion", 1, "sensitive", true,
                "reason", "unpublished lead"));
        write("curation/retractEntity",
                Map.of("id", "person/withdrawn-witness", "expectedVersion", 1, "reason", "source withdrew"));
        // Public people whose link is what must stay hidden.
        write(create,
                Map.of("id", "person/quiet-source", "type", "Person", "name", "Quentin Aldous", "sources", citation));
        write(create, Map.of("id", "person/former-partner", "type", "Person", "name", "Frieda Obermann", "sources",
                citation));
        write(link, Map.of("type", "WORKS_FOR", "from", "person/quiet-source", "to", "organization/ijm-cebu-office",
                "sources", citation));
        write(link, Map.of("type", "WORKS_FOR", "from", "person/former-partner", "to",
                "organization/ijm-bolivia-office", "sources", citation));
        write("curation/markRelationshipSensitive",
                Map.of("id", "person/quiet-source|WORKS_FOR|organization/ijm-cebu-office", "expectedVersion", 1,
                        "sensitive", true, "reason", "protects a source"));
        write("curation/retractRelationship",
                Map.of("id", "person/former-partner|WORKS_FOR|organization/ijm-bolivia-office", "expectedVersion", 1,
                        "reason", "never worked there"));
        // Two public people with a public link and, beside it, a sensitive one: one hop,
        // two relationships.
        write(create, Map.of("id", "person/hop-left", "type", "Person", "name", "Orla Penhallow", "sources", citation));
        write(create,
                Map.of("id", "person/hop-right", "type", "Person", "name", "Tobiah Wrenfield", "sources", citation));
        write(link, Map.of("type", "PARTNERED_WITH", "from", "person/hop-left", "to", "person/hop-right", "sources",
                citation));
        write(link,
                Map.of("type", "PRAISED", "from", "person/hop-right", "to", "person/hop-left", "sources", citation));
        write("curation/markRelationshipSensitive", Map.of("id", "person/hop-right|PRAISED|person/hop-left",
                "expectedVersion", 1, "sensitive", true, "reason", "protects a source"));
        prepared = true;
    }

    /**
     * Every way to reach an entity; the response mentions its id exactly when the role
     * may see it.
     */
    private static final List<String> PATHS = List.of("{ entity(id: \"%1$s\") { id } }",
            "{ node(id: \"%1$s\") { id } }", "{ search(query: \"%2$s\", first: 50) { edges { node { id } } } }",
            "{ neighborhood(id: \"organization/international-justice-mission\", limit: 500) { nodes { id } } }",
            "{ neighborhood(id: \"place/cambodia\", depth: 3, limit: 500) { nodes { id } } }",
            "{ paths(fromId: \"organization/international-justice-mission\", toId: \"%1$s\") { nodes { id } hops { from { id } to { id } relationships { id } } } }",
            "{ commonConnections(ids: [\"organization/international-justice-mission\", \"event/secret-meeting\"]) { node { id } } }",
            "{ entity(id: \"organization/international-justice-mission\") { relationships(first: 100) { from { id } } ... on Organization { members { from { id } } } } }",
            "{ entity(id: \"event/secret-meeting\") { ... on Event { participants { from { id } } } } }",
            "{ timeline(entityId: \"%1$s\", first: 100) { edges { node { id } } } }");

    @ParameterizedTest(name = "{0} sees the sensitive lead: {1}; the retracted witness: {2}")
    @CsvSource({ "public, false, false", "journalist, false, false", "investigator, true, false",
            "editor, true, true" })
    void eachRoleSeesWhatItMay(String role, boolean seesSensitive, boolean seesRetracted) {
        String key = KEYS.get(role);
        for (String path : PATHS) {
            String sensitive = post(key, path.formatted("person/secret-lead", "Zorander Quill"), Map.of());
            String retracted = post(key, path.formatted("person/withdrawn-witness", "Yvette Marlowe"), Map.of());
            assertThat(sensitive).as(role + ": " + path).doesNotContain("INTERNAL_ERROR");
            if (seesSensitive) {
                boolean reachable = sensitive.contains("person/secret-lead")
                        || sensitive.contains("event/secret-meeting");
                assertThat(reachable).as(role + " should reach the sensitive lead: " + path + " -> " + sensitive)
                    .isTrue();
            }
            else {
                assertThat(sensitive).as(role + " must not see the sensitive lead: " + path)
                    .doesNotContain("person/secret-lead")
                    .doesNotContain("Zorander")
                    .doesNotContain("event/secret-meeting");
            }
            if (!seesRetracted) {
                assertThat(retracted).as(role + " must not see the retracted witness: " + path)
                    .doesNotContain("person/withdrawn-witness")
                    .doesNotContain("Yvette");
            }
            else if (path.startsWith("{ entity(id: \"%1$s\")") || path.startsWith("{ search")) {
                assertThat(retracted).as(role + " should see the retracted witness: " + path)
                    .contains("person/withdrawn-witness");
            }
        }
    }

    /**
     * Every way to follow a link; the response mentions the other end exactly when the
     * role may see the link.
     */
    private static final List<String> LINK_PATHS = List.of(
            "{ entity(id: \"%1$s\") { relationships(first: 100) { to { id } } ... on Person { affiliations { to { id } } } } }",
            "{ neighborhood(id: \"%1$s\", depth: 2, limit: 500) { nodes { id } relationships { id } } }",
            "{ paths(fromId: \"%1$s\", toId: \"%2$s\", maxLength: 1) { length hops { relationships { id } } } }",
            "{ commonConnections(ids: [\"%1$s\", \"organization/international-justice-mission\"]) { node { id } } }",
            "{ entity(id: \"%2$s\") { ... on Organization { members { from { id } } } } }");

    @ParameterizedTest(name = "{0} sees the sensitive link: {1}; the retracted link: {2}")
    @CsvSource({ "public, false, false", "journalist, false, false", "investigator, true, false",
            "editor, true, true" })
    void eachRoleFollowsTheLinksItMay(String role, boolean seesSensitive, boolean seesRetracted) {
        String key = KEYS.get(role);
        for (String path : LINK_PATHS) {
            String sensitive = post(key, path.formatted("person/quiet-source", "organization/ijm-cebu-office"),
                    Map.of());
            String retracted = post(key, path.formatted("person/former-partner", "organization/ijm-bolivia-office"),
                    Map.of());
            boolean sawSensitive = path.startsWith("{ entity(id: \"%2$s\")") ? sensitive.contains("person/quiet-source")
                    : path.startsWith("{ paths") ? sensitive.contains("\"length\":1")
                            : path.startsWith("{ commonConnections")
                                    ? sensitive.contains("organization/ijm-cebu-office")
                                    : sensitive.contains("organization/ijm-cebu-office");
            boolean sawRetracted = path.startsWith("{ entity(id: \"%2$s\")")
                    ? retracted.contains("person/former-partner")
                    : path.startsWith("{ paths") ? retracted.contains("\"length\":1")
                            : path.startsWith("{ commonConnections")
                                    ? retracted.contains("organization/ijm-bolivia-office")
                                    : retracted.contains("organization/ijm-bolivia-office");
            assertThat(sawSensitive).as(role + " and the sensitive link: " + path + " -> " + sensitive)
                .isEqualTo(seesSensitive);
            assertThat(sawRetracted).as(role + " and the retracted link: " + path + " -> " + retracted)
                .isEqualTo(seesRetracted);
        }
    }

    @ParameterizedTest(name = "{0} sees the sensitive one of two parallel links: {1}")
    @CsvSource({ "public, false", "journalist, false", "investigator, true", "editor, true" })
    void aHopListsOnlyTheParallelLinksTheRoleMayFollow(String role, boolean seesSensitive) {
        String response = post(KEYS.get(role), """
                { paths(fromId: "person/hop-left", toId: "person/hop-right", maxLength: 1) {
                    nodes { id } relationships { id } hops { relationships { id } } } }""", Map.of());
        assertThat(response).as(role).contains("person/hop-left|PARTNERED_WITH|person/hop-right");
        // The public link appears once in hops and once in relationships: one route, not
        // one per link.
        assertThat(response.split("person/hop-left\\|PARTNERED_WITH", -1)).as(role + ": " + response).hasSize(3);
        assertThat(response.contains("person/hop-right|PRAISED|person/hop-left")).as(role + ": " + response)
            .isEqualTo(seesSensitive);
    }

}
