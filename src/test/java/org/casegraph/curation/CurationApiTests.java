package org.casegraph.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.casegraph.graph.Graph;
import org.casegraph.support.GraphQlDocuments;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editors write through GraphQL, validated like the seed data, with a version check and
 * an audit entry; no one else can write.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "casegraph.api-keys[0].name=test-editor",
                "casegraph.api-keys[0].sha256=c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889",
                "casegraph.api-keys[0].role=editor", "casegraph.api-keys[1].name=test-journalist",
                "casegraph.api-keys[1].sha256=24bb19ee1030fa498d4ebbe80aff4642ded92331ef4c71f7cbb9747316a5d376",
                "casegraph.api-keys[1].role=journalist", "casegraph.api-keys[2].name=test-admin",
                "casegraph.api-keys[2].sha256=944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9",
                "casegraph.api-keys[2].role=admin", "casegraph.api-keys[3].name=test-investigator",
                "casegraph.api-keys[3].sha256=5f29c66fec2376aa035428f0b0bee7f2d28ab6a672d64199cfa8699503728d8e",
                "casegraph.api-keys[3].role=investigator" })
class CurationApiTests {

    static final String EDITOR = "test-editor-key";

    static final String SOURCE = "document/the-current-trofimov-arrest-order";

    private static final String CREATE = "curation/createEntity";

    private static final String UPDATE = "curation/updateEntity";

    @LocalServerPort
    int port;

    @Autowired
    Graph graph;

    private GraphQlDocuments graphQl;

    @BeforeEach
    void connect() {
        this.graphQl = new GraphQlDocuments(this.port);
    }

    /** Runs document {@code name} under graphql-test/ as the caller with {@code key}. */
    Map<String, Object> run(String key, String name, Map<String, Object> variables) {
        return this.graphQl.run(key, name, variables);
    }

    private static Map<String, Object> person(String id, String name) {
        return Map.of("input",
                Map.of("id", id, "type", "Person", "name", name, "fields", Map.of("nationality", "Cambodia"), "sources",
                        List.of(Map.of("document", SOURCE, "quote", "the Cambodian government ordered the arrest"))));
    }

    static String firstError(Map<String, Object> response) {
        return GraphQlHttp.firstError(response);
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return this.graph.single(cypher, parameters, (r) -> r.get(0).asLong());
    }

    @Test
    void onlyEditorsWrite() {
        assertThat(firstError(run(null, CREATE, person("person/anonymous-write", "Nobody"))))
            .contains("only editors may change the graph")
            .contains("FORBIDDEN");
        assertThat(firstError(run("test-journalist-key", CREATE, person("person/journalist-write", "Nobody"))))
            .contains("only editors may change the graph");
        assertThat(firstError(run("test-investigator-key", CREATE, person("person/investigator-write", "Nobody"))))
            .contains("only editors may change the graph");
        assertThat(run("test-admin-key", CREATE, person("person/admin-wrote-this", "Admin Write")).get("errors"))
            .isNull();
        assertThat(firstError(run("a-wrong-key", CREATE, person("person/wrong-key-write", "Nobody"))))
            .contains("The API key in X-API-Key is not known to this server")
            .contains("UNAUTHORIZED");
        assertThat(count("MATCH (n:Entity) WHERE n.id ENDS WITH '-write' RETURN count(n)", Map.of())).isZero();
        assertThat(count("MATCH (n:Entity {id: 'person/admin-wrote-this'}) RETURN count(n)", Map.of())).isEqualTo(1);
    }

    @Test
    void anEditorCreatesAnEntityWithItsAuditEntry() {
        Map<String, Object> response = run(EDITOR, CREATE, person("person/new-investigator", "New Investigator"));
        assertThat(response.get("errors")).isNull();
        assertThat(response.toString()).contains("version=1")
            .contains("__typename=Person")
            .contains("name=New Investigator");
        assertThat(count(
                "MATCH (a:AuditEntry {target: 'person/new-investigator', action: 'createEntity', actor: 'key:test-editor'}) RETURN count(a)",
                Map.of()))
            .isEqualTo(1);
        assertThat(firstError(run(EDITOR, CREATE, person("person/new-investigator", "Again"))))
            .contains("an entity with id 'person/new-investigator' already exists");
    }

    @Test
    void writesAreValidatedLikeTheSeedData() {
        Map<String, Object> victim = Map.of("input",
                Map.of("id", "victim/named", "type", "Victim", "name", "A girl", "fields",
                        Map.of("pseudonym", "Someone", "count", 1), "sources",
                        List.of(Map.of("document", SOURCE, "quote", "17 girls"))));
        assertThat(firstError(run(EDITOR, CREATE, victim)))
            .contains("identifying field 'pseudonym' is not allowed on a Victim")
            .contains("INVALID");
        Map<String, Object> uncited = Map.of("input",
                Map.of("id", "person/uncited", "type", "Person", "name", "Uncited", "sources", List.of()));
        assertThat(firstError(run(EDITOR, CREATE, uncited))).contains("missing citation");
        Map<String, Object> badDate = Map.of("input",
                Map.of("id", "event/bad-date", "type", "Event", "name", "Bad", "fields",
                        Map.of("date", "2011-13", "kind", "arrest"), "sources",
                        List.of(Map.of("document", SOURCE, "quote", "x"))));
        assertThat(firstError(run(EDITOR, CREATE, badDate))).contains("'date' is not a PartialDate");
        Map<String, Object> unknownDocument = Map.of("input", Map.of("id", "person/unknown-doc", "type", "Person",
                "name", "X", "sources", List.of(Map.of("document", "document/nowhere", "quote", "x"))));
        assertThat(firstError(run(EDITOR, CREATE, unknownDocument))).contains("unknown: [document/nowhere]");
        assertThat(count(
                "MATCH (n:Entity) WHERE n.id IN ['victim/named', 'person/uncited', 'event/bad-date', 'person/unknown-doc'] RETURN count(n)",
                Map.of()))
            .isZero();
    }

    @Test
    void aStaleUpdateIsAConflict() {
        run(EDITOR, CREATE, person("person/versioned", "Versioned"));
        Map<String, Object> first = run(EDITOR, UPDATE,
                Map.of("input", Map.of("id", "person/versioned", "expectedVersion", 1, "summary", "First edit")));
        assertThat(first.toString()).contains("version=2").contains("summary=First edit");
        assertThat(firstError(run(EDITOR, UPDATE,
                Map.of("input", Map.of("id", "person/versioned", "expectedVersion", 1, "summary", "Stale edit")))))
            .contains("is at version 2, not 1")
            .contains("CONFLICT");
    }

    @Test
    void concurrentEditsCannotLoseAnUpdate() throws Exception {
        run(EDITOR, CREATE, person("person/contested", "Contested"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String summary = "Edit " + i;
            Callable<Map<String, Object>> edit = () -> run(EDITOR, UPDATE,
                    Map.of("input", Map.of("id", "person/contested", "expectedVersion", 1, "summary", summary)));
            results.add(pool.submit(edit));
        }
        int succeeded = 0;
        for (Future<Map<String, Object>> result : results) {
            if (result.get().get("errors") == null) {
                succeeded++;
            }
        }
        pool.shutdown();
        assertThat(succeeded).isEqualTo(1);
        assertThat(count("MATCH (n:Entity {id: 'person/contested'}) RETURN n.version", Map.of())).isEqualTo(2);
    }

    @Test
    void theAuditTrailIsForAdminsAndRecordsSensitiveReads() {
        run(EDITOR, CREATE, person("person/audited", "Audited Person"));
        run(EDITOR, "curation/markSensitive", Map.of("input",
                Map.of("id", "person/audited", "expectedVersion", 1, "sensitive", true, "reason", "a lead")));
        String audit = "curation/audit";
        assertThat(firstError(run(EDITOR, audit, Map.of("target", "person/audited"))))
            .contains("only admins may read the audit trail");
        // No id selected: the read is recorded all the same.
        run("test-investigator-key", "curation/entityName", Map.of("id", "person/audited"));
        Map<String, Object> trail = run("test-admin-key", audit, Map.of("target", "person/audited"));
        assertThat(trail.get("errors")).isNull();
        assertThat(trail.toString()).contains("action=readSensitive")
            .contains("actor=key:test-investigator")
            .contains("action=markSensitive")
            .contains("action=createEntity")
            .contains("actor=key:test-editor")
            .contains("\"visibility\":\"sensitive\"");
        assertThat(firstError(this.graphQl.runText("test-admin-key", "mutation { deleteAudit }", Map.of())))
            .contains("FieldUndefined");
    }

    @Test
    void citationsAttachToEntitiesAndRelationships() {
        String attach = "curation/attachCitation";
        Map<String, Object> onEntity = run(EDITOR, attach, Map.of("input", Map.of("target", "person/alexander-trofimov",
                "expectedVersion", 1, "document", SOURCE, "quote", "Trofimov was a powerful man")));
        assertThat(onEntity.get("errors")).as(onEntity.toString()).isNull();
        assertThat(onEntity.toString()).contains("quote=Trofimov was a powerful man");
        assertThat(firstError(run(EDITOR, attach, Map.of("input", Map.of("target", "person/alexander-trofimov",
                "expectedVersion", 1, "document", SOURCE, "quote", "again")))))
            .contains("is at version 2, not 1");
        Map<String, Object> onRelationship = run(EDITOR, attach,
                Map.of("input", Map.of("target",
                        "person/thad-cochran|SIGNED|document/senators-letter-to-clinton-on-cambodian-pardons",
                        "document", SOURCE, "quote", "five senators who wrote to Secretary of State Hillary Clinton")));
        assertThat(onRelationship.get("errors")).as(onRelationship.toString()).isNull();
        assertThat(onRelationship.toString())
            .contains("quote=five senators who wrote to Secretary of State Hillary Clinton");
        assertThat(firstError(run(EDITOR, attach,
                Map.of("input",
                        Map.of("target", "person/nobody|SIGNED|document/nothing", "document", SOURCE, "quote", "x")))))
            .contains("no entity or relationship has the id");
    }

    @Test
    void adminsIssueAndRevokeKeys() {
        String create = "curation/createApiKey";
        assertThat(firstError(run(EDITOR, create, Map.of("input", Map.of("name", "sneaky", "role", "admin")))))
            .contains("only admins may manage API keys");
        Map<String, Object> created = run("test-admin-key", create,
                Map.of("input", Map.of("name", "desk-editor", "role", "editor")));
        assertThat(created.get("errors")).as(created.toString()).isNull();
        String key = created.toString().replaceAll(".*key=(cg_[A-Za-z0-9_-]+).*", "$1");
        assertThat(key).startsWith("cg_").hasSizeGreaterThan(40);
        assertThat(run(key, CREATE, person("person/written-by-a-new-key", "New Key")).get("errors")).isNull();
        Map<String, Object> listed = run("test-admin-key", "curation/apiKeys", Map.of());
        assertThat(listed.toString()).contains("name=desk-editor, role=editor, createdBy=key:test-admin, revoked=false")
            .doesNotContain(key);
        assertThat(count(
                "MATCH (k:ApiKey) WHERE any(v IN [p IN keys(k) | k[p]] WHERE toString(v) CONTAINS $key) RETURN count(k)",
                Map.of("key", key)))
            .as("the key itself is not stored")
            .isZero();
        run("test-admin-key", "curation/revokeApiKey", Map.of("name", "desk-editor"));
        assertThat(firstError(run(key, CREATE, person("person/after-revocation", "Too Late"))))
            .contains("The API key in X-API-Key is not known to this server");
    }

    @Test
    void anEditorLinksTwoEntities() {
        run(EDITOR, CREATE, person("person/linked-investigator", "Linked Investigator"));
        String create = "curation/createRelationship";
        Map<String, Object> response = run(EDITOR, create,
                Map.of("input",
                        Map.of("type", "WORKS_FOR", "from", "person/linked-investigator", "to",
                                "organization/international-justice-mission", "properties",
                                Map.of("role", "investigator", "validFrom", "2012"), "sources",
                                List.of(Map.of("document", SOURCE, "quote", "IJM")))));
        assertThat(response.get("errors")).isNull();
        assertThat(response.toString()).contains("role=investigator")
            .contains("organization/international-justice-mission");
        String update = "curation/updateRelationship";
        String id = "person/linked-investigator|WORKS_FOR|organization/international-justice-mission";
        Map<String, Object> updated = run(EDITOR, update,
                Map.of("input", Map.of("id", id, "expectedVersion", 1, "properties", Map.of("validTo", "2014"),
                        "sources", List.of(Map.of("document", SOURCE, "quote", "IJM friends")))));
        assertThat(updated.get("errors")).as(updated.toString()).isNull();
        assertThat(updated.toString()).contains("version=2")
            .contains("role=investigator")
            .contains("validTo=2014")
            .contains("quote=IJM friends");
        assertThat(firstError(run(EDITOR, update,
                Map.of("input", Map.of("id", id, "expectedVersion", 1, "properties", Map.of("role", "stale"))))))
            .contains("is at version 2, not 1");
        assertThat(firstError(run(EDITOR, update,
                Map.of("input", Map.of("id", id, "expectedVersion", 2, "properties", Map.of("validTo", "last year"))))))
            .contains("'validTo' is not a PartialDate");
        assertThat(firstError(run(EDITOR, create,
                Map.of("input",
                        Map.of("type", "SIGNED", "from", "person/linked-investigator", "to",
                                "organization/international-justice-mission", "sources",
                                List.of(Map.of("document", SOURCE, "quote", "IJM")))))))
            .contains("SIGNED cannot link a Person to a Organization");
    }

    @Test
    void aSmallVictimGroupIsNotLinkedToADayAndTheDatabaseStaysAsItWas() {
        List<Map<String, Object>> cited = List.of(Map.of("document", SOURCE, "quote", "17 girls"));
        for (Map<String, Object> entity : List.of(
                Map.of("id", "victim/curation-pair", "type", "Victim", "name", "Two people rescued in 2020", "fields",
                        Map.of("count", 2, "ageBand", "under 18"), "sources", cited),
                Map.of("id", "victim/curation-dozen", "type", "Victim", "name", "Twelve people rescued in 2020",
                        "fields", Map.of("count", 12, "ageBand", "under 18"), "sources", cited),
                Map.of("id", "event/curation-day-rescue", "type", "Event", "name", "A rescue on one day", "fields",
                        Map.of("kind", "rescue", "date", "2020-03-05"), "sources", cited),
                Map.of("id", "event/curation-year-rescue", "type", "Event", "name", "A rescue in a year", "fields",
                        Map.of("kind", "rescue", "date", "2020"), "sources", cited))) {
            assertThat(run(EDITOR, CREATE, Map.of("input", entity)).get("errors")).as(entity.get("id").toString())
                .isNull();
        }
        String relate = "curation/createRelationship";
        long before = count("MATCH ()-[r]->() RETURN count(r)", Map.of());
        long auditBefore = count("MATCH (a:AuditEntry) RETURN count(a)", Map.of());

        String refused = firstError(run(EDITOR, relate, Map.of("input", Map.of("type", "SUBJECT_OF", "from",
                "victim/curation-pair", "to", "event/curation-day-rescue", "sources", cited))));
        assertThat(refused).contains("victim-group-detail")
            .contains("INVALID")
            .contains("event/curation-day-rescue")
            .contains("dated to the month or day");
        assertThat(count("MATCH ()-[r]->() RETURN count(r)", Map.of())).isEqualTo(before);
        assertThat(count("MATCH (a:AuditEntry) RETURN count(a)", Map.of())).isEqualTo(auditBefore);

        // A group of five or more may be linked to the day it was rescued on.
        assertThat(run(EDITOR, relate, Map.of("input", Map.of("type", "SUBJECT_OF", "from", "victim/curation-dozen",
                "to", "event/curation-day-rescue", "sources", cited)))
            .get("errors")).isNull();
        // The small group may be linked to a rescue dated to the year, but that rescue
        // then keeps to the year.
        assertThat(run(EDITOR, relate, Map.of("input", Map.of("type", "SUBJECT_OF", "from", "victim/curation-pair",
                "to", "event/curation-year-rescue", "sources", cited)))
            .get("errors")).isNull();
        assertThat(firstError(run(EDITOR, UPDATE,
                Map.of("input",
                        Map.of("id", "event/curation-year-rescue", "expectedVersion", 1, "fields",
                                Map.of("date", "2020-03-05"))))))
            .contains("victim-group-detail")
            .contains("victim/curation-pair");
        String stored = this.graph.single(
                "MATCH (e:Event {id: 'event/curation-year-rescue'}) RETURN e.date AS date, e.version AS v", Map.of(),
                (r) -> r.get("date").asString() + " v" + r.get("v").asLong());
        assertThat(stored).isEqualTo("2020 v1");
        // Nor may the dozen shrink below five while it is linked to a day.
        assertThat(firstError(run(EDITOR, UPDATE,
                Map.of("input",
                        Map.of("id", "victim/curation-dozen", "expectedVersion", 1, "fields", Map.of("count", 3))))))
            .contains("victim-group-detail");
        assertThat(count("MATCH (v:Victim {id: 'victim/curation-dozen'}) RETURN v.count", Map.of())).isEqualTo(12);
        // And a first-person quote is not attached to the small group.
        assertThat(
                firstError(run(EDITOR, "curation/attachCitation",
                        Map.of("input",
                                Map.of("target", "victim/curation-pair", "expectedVersion", 1, "document", SOURCE,
                                        "quote", "they took me there")))))
            .contains("victim-group-detail")
            .contains("first-person");
        assertThat(count("MATCH (v:Victim {id: 'victim/curation-pair'}) RETURN size(v.citeQuotes)", Map.of()))
            .isEqualTo(1);
    }

}
