package org.casegraph.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.importer.Progress.Phase;
import org.casegraph.support.CaseGraphStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bulk import against a real database holding the seed data: valid files become
 * searchable, queryable graph data; invalid files are refused line by line with nothing
 * written; a write that fails midway is undone. A database of its own, as imports add
 * data that other test classes would see.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "spring.application.name=bulk-import-tests" })
@AutoConfigureGraphQlTester
class BulkImportTests {

    /** A source document of the seed data, which imported records may cite. */
    private static final String SEED_DOCUMENT = "document/the-current-trofimov-arrest-order";

    private static final String DOCUMENT = """
            {"id": "document/import-ledger", "type": "Document", "name": "Import ledger", "kind": "report", \
            "sources": [{"doc": "document/import-ledger", "quote": "Import ledger"}]}""";

    @Autowired
    Graph graph;

    @Autowired
    Vocabulary vocabulary;

    @Autowired
    GraphQlTester graphQl;

    @TempDir
    Path folder;

    private BulkImport importer(int batchSize) {
        return new BulkImport(this.graph, this.vocabulary, batchSize);
    }

    private void files(List<String> entities, List<String> relationships) throws IOException {
        Files.write(this.folder.resolve(BulkImport.ENTITIES), entities);
        Files.write(this.folder.resolve(BulkImport.RELATIONSHIPS), relationships);
    }

    private static String person(String slug, String name) {
        return """
                {"id": "person/%s", "type": "Person", "name": "%s", "nationality": "Norway", \
                "sources": [{"doc": "document/import-ledger", "quote": "%s"}]}""".formatted(slug, name, name);
    }

    private static String relationship(String type, String from, String to) {
        return """
                {"type": "%s", "from": "%s", "to": "%s", "sources": [{"doc": "document/import-ledger", "quote": "a link"}]}"""
            .formatted(type, from, to);
    }

    /** Nodes and relationships, the two numbers that any write would change. */
    private List<Long> counts() {
        return this.graph.single("""
                MATCH (n) WITH count(n) AS nodes
                MATCH ()-[r]->() RETURN nodes, count(r) AS relationships
                """, Map.of(), (r) -> List.of(r.get("nodes").asLong(), r.get("relationships").asLong()));
    }

    private long count(String cypher) {
        return this.graph.single(cypher, Map.of(), (r) -> r.get(0).asLong());
    }

    private List<String> problems(int batchSize) {
        List<Long> before = counts();
        List<String> problems = assertThatExceptionOfType(ImportException.class)
            .isThrownBy(() -> importer(batchSize).run(this.folder, Progress.none()))
            .actual()
            .problems();
        assertThat(counts()).as("nothing written").isEqualTo(before);
        return problems;
    }

    private String entities() {
        return this.folder.resolve(BulkImport.ENTITIES).toString();
    }

    private String relationships() {
        return this.folder.resolve(BulkImport.RELATIONSHIPS).toString();
    }

    @Test
    void importsValidFilesAsSearchableQueryableEntities() throws Exception {
        files(List.of(
                person("kestrel-vantorp", "Kestrel Vantorp").replace("\"nationality\"",
                        "\"aliases\": [\"Kes Orbaline\"], \"nationality\""),
                "", DOCUMENT,
                """
                        {"id": "organization/import-halvard-trust", "type": "Organization", "name": "Halvard Trust", "kind": "ngo", \
                        "sources": [{"doc": "%s", "quote": "the Cambodian government ordered"}]}"""
                    .formatted(SEED_DOCUMENT),
                """
                        {"id": "event/import-halvard-audit", "type": "Event", "name": "Halvard audit", "kind": "investigation", \
                        "date": "2019-04", "sources": [{"doc": "document/import-ledger", "quote": "audit"}]}"""),
                List.of(relationship("WORKS_FOR", "person/kestrel-vantorp", "organization/import-halvard-trust")
                    .replace("\"sources\"", "\"role\": \"treasurer\", \"validFrom\": \"2015\", \"sources\""),
                        relationship("PARTICIPATED_IN", "person/kestrel-vantorp", "event/import-halvard-audit"),
                        relationship("MENTIONS", "document/import-ledger", "person/alexander-trofimov")));
        List<Phase> phases = new ArrayList<>();
        BulkImport.Summary summary = importer(2).run(this.folder, (phase, done, total) -> {
            assertThat(done).isBetween(0L, total);
            if (phases.isEmpty() || phases.get(phases.size() - 1) != phase) {
                phases.add(phase);
            }
        });
        try {
            assertThat(summary.entities()).isEqualTo(4);
            assertThat(summary.relationships()).isEqualTo(3);
            assertThat(phases).containsExactly(Phase.VALIDATING, Phase.WRITING_ENTITIES, Phase.WRITING_RELATIONSHIPS,
                    Phase.INDEXING);

            GraphQlTester.Response person = this.graphQl.document("""
                    { entity(id: "person/kestrel-vantorp") { __typename name ... on Person { nationality aliases }
                      sources { quote document { name } }
                      relationships(first: 10) { type role validFrom from { id } to { id name } sources { quote } } } }
                    """).execute();
            person.path("entity.__typename").entity(String.class).isEqualTo("Person");
            person.path("entity.nationality").entity(String.class).isEqualTo("Norway");
            person.path("entity.aliases").entityList(String.class).containsExactly("Kes Orbaline");
            person.path("entity.sources[0].document.name").entity(String.class).isEqualTo("Import ledger");
            person.path("entity.relationships[?(@.type == 'WORKS_FOR')].role")
                .entityList(String.class)
                .containsExactly("treasurer");
            person.path("entity.relationships[?(@.type == 'WORKS_FOR')].to.name")
                .entityList(String.class)
                .containsExactly("Halvard Trust");
            person.path("entity.relationships[*].type")
                .entityList(String.class)
                .satisfies((types) -> assertThat(types).containsExactlyInAnyOrder("WORKS_FOR", "PARTICIPATED_IN"));
            this.graphQl.document(
                    "{ entity(id: \"person/alexander-trofimov\") { relationships(types: [\"MENTIONS\"], first: 50) { from { id } } } }")
                .execute()
                .path("entity.relationships[*].from.id")
                .entityList(String.class)
                .contains("document/import-ledger");

            // Found by an alias, with one typo forgiven, as seeded entities are.
            this.graphQl.documentName("search")
                .variable("query", "Kes Orbalin")
                .execute()
                .path("search.edges[0].node.id")
                .entity(String.class)
                .isEqualTo("person/kestrel-vantorp");
            this.graphQl.documentName("search")
                .variable("query", "Halvard")
                .execute()
                .path("search.edges[*].node.id")
                .entityList(String.class)
                .contains("organization/import-halvard-trust", "event/import-halvard-audit");
        }
        finally {
            importer(2).undo(summary.importId());
        }
        assertThat(count("MATCH (n:Entity) WHERE n.id STARTS WITH 'person/kestrel' RETURN count(n)")).isZero();
    }

    @Test
    void refusesInvalidLinesByFileAndLineWritingNothing() throws Exception {
        files(List.of(DOCUMENT,
                """
                        {"id": "villain/x", "type": "Villain", "name": "X", "sources": [{"doc": "document/import-ledger", "quote": "x"}]}""",
                """
                        {"id": "victim/import-group", "type": "Victim", "name": "Forty workers", "pseudonym": "generated", \
                        "sources": [{"doc": "document/import-ledger", "quote": "forty workers"}]}""",
                """
                        {"id": "person/uncited-orvel", "type": "Person", "name": "Orvel Uncited"}""",
                person("dup-tamsin", "Tamsin Dupe"), person("dup-tamsin", "Tamsin Dupe"),
                person("alexander-trofimov", "Existing Person"), "{\"id\": \"person/broken\", ", "[1, 2]",
                person("ghost-citer", "Ghost Citer").replace("document/import-ledger", "document/never-written"),
                person("cites-a-person", "Cites Person").replace("document/import-ledger",
                        "person/alexander-trofimov")),
                List.of(relationship("WORKS_FOR", "person/dup-tamsin", "organization/nowhere"),
                        relationship("WORKS_FOR", "person/dup-tamsin", "person/alexander-trofimov"),
                        relationship("MENTIONS", "document/import-ledger", "person/alexander-trofimov"),
                        relationship("MENTIONS", "document/import-ledger", "person/alexander-trofimov")));
        List<String> problems = problems(3).stream()
            .map((problem) -> problem.startsWith(entities() + ":8: not valid JSON: ")
                    ? entities() + ":8: not valid JSON: …" : problem)
            .toList();
        assertThat(problems).containsExactly(
                entities() + ":2: unknown entity type 'Villain'; one of "
                        + "[Case, Claim, Document, Event, Organization, Person, Place, Statistic, Victim]",
                entities() + ":3: identifying field 'pseudonym' is not allowed on a Victim: victims are recorded only "
                        + "by a non-identifying label, count, age band, sex and nationality",
                entities()
                        + ":4: missing citation: every entity and relationship needs 'sources' with at least one {doc, quote}",
                entities() + ":6: duplicate id 'person/dup-tamsin', already defined at " + entities() + ":5",
                entities()
                        + ":7: id 'person/alexander-trofimov' already exists in the database; an import only adds new entities",
                entities() + ":8: not valid JSON: …",
                entities() + ":9: a line must be one JSON object, an entity or a relationship",
                entities() + ":10: citation refers to unknown document 'document/never-written'",
                entities() + ":11: citation 'doc' must be a Document, but 'person/alexander-trofimov' is a Person",
                relationships() + ":1: 'to' refers to unknown entity 'organization/nowhere'",
                relationships() + ":2: WORKS_FOR cannot link a Person to a Person; it links [Person] to [Organization]",
                relationships()
                        + ":4: duplicate relationship 'document/import-ledger|MENTIONS|person/alexander-trofimov', "
                        + "already defined at " + relationships() + ":3; give one of them its own 'id:' if the same "
                        + "two entities are linked twice");
    }

    @Test
    void citesDocumentsDefinedLaterInTheFile() throws Exception {
        files(List.of(person("early-citer", "Early Citer"), DOCUMENT), List.of());
        BulkImport.Summary summary = importer(1).run(this.folder, Progress.none());
        importer(1).undo(summary.importId());
        assertThat(summary.entities()).isEqualTo(2);
    }

    @Test
    void refusesARelationshipThatIsAlreadyInTheDatabase() throws Exception {
        String existing = this.graph.single("""
                MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id = a.id + '|' + type(r) + '|' + b.id
                RETURN a.id AS from, type(r) AS type, b.id AS to LIMIT 1
                """, Map.of(),
                (r) -> relationship(r.get("type").asString(), r.get("from").asString(), r.get("to").asString()));
        files(List.of(DOCUMENT), List.of(existing));
        assertThat(problems(10)).singleElement()
            .asString()
            .startsWith(relationships() + ":1: relationship '")
            .endsWith("' already exists in the database; an import only adds new relationships");
    }

    @Test
    void listsTheFirstFiftyProblemsAndCountsTheRest() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add(person("no-such-type-" + i, "Nobody").replace("\"Person\"", "\"Ghost\""));
        }
        lines.add(DOCUMENT);
        files(lines, List.of());
        ImportException refused = assertThatExceptionOfType(ImportException.class)
            .isThrownBy(() -> importer(7).run(this.folder, Progress.none()))
            .actual();
        assertThat(refused.count()).isEqualTo(120);
        assertThat(refused.problems()).hasSize(50)
            .first()
            .asString()
            .startsWith(entities() + ":1: unknown entity type 'Ghost'");
        assertThat(refused.problems().get(49)).startsWith(entities() + ":50: ");
        assertThat(refused.getMessage()).endsWith("… and 70 more");
    }

    @Test
    void aWriteFailingInALaterBatchLeavesTheDatabaseAsItWas() throws Exception {
        List<String> entities = new ArrayList<>(List.of(DOCUMENT));
        // Between two seed entities that were there before: found only by the import id.
        List<String> relationships = new ArrayList<>(
                List.of(relationship("PARTNERED_WITH", "person/alexander-trofimov", "organization/us-senate")));
        for (int i = 0; i < 12; i++) {
            entities.add(person("batch-" + i, "Batch Person " + i));
            relationships.add(relationship("MENTIONS", "document/import-ledger", "person/batch-" + i));
        }
        files(entities, relationships);
        List<Long> before = counts();
        // Another writer deletes an entity the import wrote before its relationships are:
        // the batch that links it
        // fails, with entities and relationships (one of them between seed entities)
        // already written.
        Progress concurrentWriter = (phase, done, total) -> {
            if (phase == Phase.WRITING_RELATIONSHIPS && done == 8) {
                this.graph.write((tx) -> tx.run("""
                        MATCH (a:Entity {id: 'person/batch-10'}) DETACH DELETE a
                        """).consume());
            }
        };
        assertThatExceptionOfType(CaseGraphStartupException.class)
            .isThrownBy(() -> importer(4).run(this.folder, concurrentWriter))
            .withMessageStartingWith("writing failed at " + relationships() + " lines 9–12 (IllegalStateException: "
                    + "1 relationships lost an endpoint after validation (deleted meanwhile?)); removed what this import "
                    + "had written, the database is as it was");
        assertThat(counts()).isEqualTo(List.of(before.get(0), before.get(1)));
        assertThat(count("MATCH (n) WHERE n.importId IS NOT NULL RETURN count(n)")).isZero();
        assertThat(count("MATCH ()-[r]->() WHERE r.importId IS NOT NULL RETURN count(r)")).isZero();
    }

    @Test
    void aFolderWithoutImportFilesIsRefused() {
        assertThatExceptionOfType(CaseGraphStartupException.class)
            .isThrownBy(() -> importer(10).run(this.folder, Progress.none()))
            .withMessage(this.folder + " holds neither entities.jsonl nor relationships.jsonl");
    }

    @Test
    void refusesDetailOnASmallVictimGroupByTheRuleEveryWritePathShares() throws IOException {
        String cited = "\"sources\": [{\"doc\": \"document/import-ledger\", \"quote\": \"Import ledger\"}]";
        files(List.of(DOCUMENT,
                "{\"id\": \"victim/import-three\", \"type\": \"Victim\", \"name\": \"Three people\", \"count\": 3, "
                        + cited + "}",
                "{\"id\": \"victim/import-twenty\", \"type\": \"Victim\", \"name\": \"Twenty people\", \"count\": 20, "
                        + cited + "}",
                "{\"id\": \"event/import-day\", \"type\": \"Event\", \"name\": \"A day\", \"kind\": \"rescue\", "
                        + "\"date\": \"2020-03-05\", " + cited + "}"),
                List.of(relationship("SUBJECT_OF", "victim/import-three", "event/import-day"),
                        // a day-dated event already in the database (seed data)
                        relationship("SUBJECT_OF", "victim/import-three", "event/tip-report-2015-released"),
                        relationship("SUBJECT_OF", "victim/import-twenty", "event/import-day")));
        List<String> problems = problems(2);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(relationships() + ":1: victim-group-detail: to: ")
            .contains("event/import-day");
        assertThat(problems.get(1)).startsWith(relationships() + ":2: victim-group-detail: to: ")
            .contains("event/tip-report-2015-released");
    }

}
