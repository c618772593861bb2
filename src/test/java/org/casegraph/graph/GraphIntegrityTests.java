package org.casegraph.graph;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.CaseGraphTest;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.Origin;
import org.casegraph.seed.SeedData;
import org.casegraph.seed.SeedLoader;
import org.casegraph.support.VictimIdentifiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What the database holds after start-up: the whole seed data, exactly once, with no
 * victim identifiable, and requests whose cost does not grow with their results.
 */
@CaseGraphTest
public class GraphIntegrityTests {

    private static final String FINGERPRINT = """
            MATCH (n:Entity)
            WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProperties
            MATCH (:Entity)-[r]->(:Entity)
            RETURN nodes, nodeProperties, count(r) AS relationships, sum(size(keys(r))) AS relationshipProperties
            """;

    @Autowired
    Graph graph;

    @Autowired
    SeedLoader seedLoader;

    @Autowired
    GraphQlTester graphQl;

    private Map<String, Object> fingerprint() {
        return this.graph.single(FINGERPRINT, Map.of(), (r) -> r.asMap());
    }

    @Test
    void theWholeSeedDataIsLoaded() {
        SeedData data = this.seedLoader.read();
        Map<String, Object> fingerprint = fingerprint();
        assertThat(fingerprint.get("nodes")).isEqualTo((long) data.entities().size());
        assertThat(fingerprint.get("relationships")).isEqualTo((long) data.relationships().size());
    }

    /**
     * A new database gets its whole schema in one transaction: every index and constraint
     * a migration creates is there, online, and every migration is recorded as applied.
     */
    @Test
    void aNewDatabaseHoldsTheSchemaOfEveryMigration() {
        List<SchemaMigrations.Migration> migrations = SchemaMigrations.load();
        Pattern created = Pattern.compile("CREATE\\s+(?:\\w+\\s+)?(?:INDEX|CONSTRAINT)\\s+(\\w+)");
        List<String> named = migrations.stream()
            .flatMap((migration) -> migration.statements().stream())
            .map(created::matcher)
            .filter(Matcher::lookingAt)
            .map((matcher) -> matcher.group(1))
            .toList();
        List<String> indexes = this.graph.query("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name",
                Map.of(), (r) -> r.get("name").asString());
        assertThat(named).hasSizeGreaterThan(8);
        assertThat(indexes).containsAll(named);
        List<Integer> recorded = this.graph.query("MATCH (m:__CaseGraphMigration) RETURN m.version AS v ORDER BY v",
                Map.of(), (r) -> r.get("v").asInt());
        assertThat(recorded).isEqualTo(migrations.stream().map(SchemaMigrations.Migration::version).toList());
    }

    @Test
    void loadingTwiceChangesNothing() {
        Map<String, Object> before = fingerprint();
        this.seedLoader.load();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aFailedWriteLeavesTheDatabaseAsItWas() {
        Map<String, Object> before = fingerprint();
        Citation citation = new Citation("document/the-current-trofimov-arrest-order", "The Current");
        Origin origin = new Origin("test", 1);
        // The second entity carries a value Neo4j cannot store, so the write fails after
        // the first was written.
        SeedData broken = new SeedData(List.of(new EntityRecord("person/written-then-rolled-back", "Person",
                Map.of("id", "person/written-then-rolled-back", "name", "Rolled Back"), List.of(citation), origin),
                new EntityRecord("person/unstorable", "Person",
                        Map.of("id", "person/unstorable", "name", "Unstorable", "nested", Map.of("not", "storable")),
                        List.of(citation), origin)),
                List.of());
        assertThatException().isThrownBy(() -> this.seedLoader.load(broken));
        assertThat(fingerprint()).isEqualTo(before);
        long rolledBack = this.graph.single(
                "MATCH (n:Entity {id: 'person/written-then-rolled-back'}) RETURN count(n) AS n", Map.of(),
                (r) -> r.get("n").asLong());
        assertThat(rolledBack).isZero();
    }

    @Test
    void noStoredTextIdentifiesAVictim() {
        List<String> texts = this.graph.query("""
                MATCH (n)
                UNWIND keys(n) AS key
                WITH n[key] AS value
                UNWIND CASE WHEN valueType(value) STARTS WITH 'LIST' THEN value ELSE [value] END AS item
                WITH item WHERE valueType(item) STARTS WITH 'STRING'
                RETURN item
                UNION ALL
                MATCH ()-[r]->()
                UNWIND keys(r) AS key
                WITH r[key] AS value
                UNWIND CASE WHEN valueType(value) STARTS WITH 'LIST' THEN value ELSE [value] END AS item
                WITH item WHERE valueType(item) STARTS WITH 'STRING'
                RETURN item
                """, Map.of(), (r) -> r.get("item").asString());
        assertThat(texts).hasSizeGreaterThan(1000);
        assertThat(texts).allSatisfy((text) -> assertThat(VictimIdentifiers.findIn(text)).isEmpty());
    }

    @Test
    void victimsAreInNoSearchIndex() {
        List<String> indexedLabels = this.graph.query("SHOW FULLTEXT INDEXES YIELD labelsOrTypes RETURN labelsOrTypes",
                Map.of(), (r) -> r.get("labelsOrTypes").asList(Object::toString).toString());
        assertThat(indexedLabels).isNotEmpty().allSatisfy((labels) -> assertThat(labels).doesNotContain("Victim"));
    }

    @Test
    void aRequestCostsTheSameNumberOfQueriesWhateverItsSize() {
        long small = statementsFor("document/senators-letter-to-clinton-on-cambodian-pardons", 1, 5);
        long large = statementsFor("organization/international-justice-mission", 2, 300);
        // One statement for the neighbourhood, and one per batched field:
        // nodes.relationships, Citation.document
        // (loaded once for both levels), Relationship.from and .to, and the nested
        // relationships' ends.
        assertThat(small).isEqualTo(large).isLessThanOrEqualTo(6);
    }

    /**
     * Statements one neighbourhood request runs, with every nested list that could cause
     * N+1 requested.
     */
    private long statementsFor(String id, int depth, int limit) {
        long before = this.graph.statementsRun();
        int nodes = this.graphQl
            .document(
                    """
                            query($id: ID!, $depth: Int, $limit: Int) {
                              neighborhood(id: $id, depth: $depth, limit: $limit) {
                                nodes { id sources { quote document { id name } } relationships(first: 5) { type from { id } to { name } } }
                                relationships { type from { name } to { name } sources { document { name } } }
                              }
                            }
                            """)
            .variable("id", id)
            .variable("depth", depth)
            .variable("limit", limit)
            .execute()
            .path("neighborhood.nodes")
            .entityList(Object.class)
            .get()
            .size();
        long statements = this.graph.statementsRun() - before;
        System.out.printf("neighborhood of %s: %d nodes in %d statements%n", id, nodes, statements);
        return statements;
    }

}
