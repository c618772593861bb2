package org.casegraph.curation;

import java.util.List;
import java.util.Map;

import org.casegraph.support.GraphQlDocuments;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two records of one person become one, the old id still finds it, and undoing restores
 * both as they were.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "casegraph.api-keys[0].name=test-editor",
                "casegraph.api-keys[0].sha256=c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889",
                "casegraph.api-keys[0].role=editor", "casegraph.api-keys[1].name=test-journalist",
                "casegraph.api-keys[1].sha256=24bb19ee1030fa498d4ebbe80aff4642ded92331ef4c71f7cbb9747316a5d376",
                "casegraph.api-keys[1].role=journalist" })
class MergeApiTests {

    private static final String EDITOR = "test-editor-key";

    private static final String SOURCE = "document/the-current-trofimov-arrest-order";

    @LocalServerPort
    int port;

    private GraphQlDocuments graphQl;

    @BeforeEach
    void connect() {
        this.graphQl = new GraphQlDocuments(this.port);
    }

    private Map<String, Object> run(String key, String document, Map<String, Object> variables) {
        return this.graphQl.run(key, document, variables);
    }

    private static String firstError(Map<String, Object> response) {
        return GraphQlHttp.firstError(response);
    }

    private static final String CREATE = "curation/createEntity";

    private static final String MERGE = "curation/mergeEntities";

    private static final String UNDO = "curation/undoMerge";

    private static final String READ = "curation/entityWithLinks";

    private static final String LINK = "curation/createRelationship";

    private static final List<Map<String, String>> CITATION = List.of(Map.of("document", SOURCE, "quote", "IJM"));

    @Test
    void mergeThenUndo() {
        run(EDITOR, CREATE, Map.of("input",
                Map.of("id", "person/sokha-chan", "type", "Person", "name", "Sokha Chan", "sources", CITATION)));
        run(EDITOR, CREATE, Map.of("input", Map.of("id", "person/s-chan", "type", "Person", "name", "S. Chan",
                "sources", List.of(Map.of("document", SOURCE, "quote", "The Current")))));
        run(EDITOR, LINK, Map.of("input", Map.of("type", "WORKS_FOR", "from", "person/s-chan", "to",
                "organization/international-justice-mission", "sources", CITATION)));

        Map<String, Object> merged = run(EDITOR, MERGE, Map.of("input",
                Map.of("keep", "person/sokha-chan", "drop", "person/s-chan", "reason", "the same investigator")));
        assertThat(merged.get("errors")).as(merged.toString()).isNull();
        assertThat(merged.toString()).contains("version=2").contains("aliases=[S. Chan]");
        String mergeId = merged.toString().replaceAll(".*mergeId=(merge/[0-9a-f-]+).*", "$1");

        String keep = run(EDITOR, READ, Map.of("id", "person/sokha-chan")).toString();
        assertThat(keep).contains("type=WORKS_FOR, to={id=organization/international-justice-mission}")
            .contains("quote=The Current")
            .contains("quote=IJM");
        assertThat(run(null, READ, Map.of("id", "person/s-chan")).toString())
            .as("the old id resolves to the kept entity")
            .contains("id=person/sokha-chan");

        assertThat(firstError(run(EDITOR, UNDO, Map.of("input", Map.of("mergeId", "merge/nonsense", "reason", "x")))))
            .contains("no merge has the id");
        Map<String, Object> undone = run(EDITOR, UNDO,
                Map.of("input", Map.of("mergeId", mergeId, "reason", "two people after all")));
        assertThat(undone.get("errors")).as(undone.toString()).isNull();
        assertThat(run(EDITOR, READ, Map.of("id", "person/s-chan")).toString()).contains("id=person/s-chan")
            .contains("name=S. Chan")
            .contains("organization/international-justice-mission");
        assertThat(run(EDITOR, READ, Map.of("id", "person/sokha-chan")).toString())
            .doesNotContain("organization/international-justice-mission")
            .doesNotContain("quote=The Current");
        assertThat(firstError(run(EDITOR, UNDO, Map.of("input", Map.of("mergeId", mergeId, "reason", "again")))))
            .contains("was already undone");
    }

    @Test
    void onlyLikeWithLike() {
        assertThat(firstError(run(EDITOR, MERGE,
                Map.of("input",
                        Map.of("keep", "person/alexander-trofimov", "drop",
                                "organization/international-justice-mission", "reason", "no")))))
            .contains("cannot merge a Organization into a Person");
        assertThat(firstError(run("test-journalist-key", MERGE,
                Map.of("input",
                        Map.of("keep", "person/alexander-trofimov", "drop", "person/marco-rubio", "reason", "no")))))
            .contains("only editors may change the graph");
    }

}
