package org.casegraph.seed;

import java.util.List;
import java.util.Map;

import org.casegraph.CaseGraphTest;
import org.casegraph.graph.Graph;
import org.casegraph.graph.SchemaMigrations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review of seed-data against its sources, as a user of an existing database meets
 * it: ids that the review renamed or merged still resolve, and a database loaded with the
 * seed data before the review gets its corrections from the data migration, not only a
 * fresh one.
 */
@CaseGraphTest
class ReviewCorrectionsTests {

    @Autowired
    Graph graph;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    SchemaMigrations migrations;

    @Autowired
    StartupLoading startupLoading;

    @Autowired
    SeedLoader seedLoader;

    private String resolve(String id) {
        return this.graphQl.document("query($id: ID!) { entity(id: $id) { id } }")
            .variable("id", id)
            .execute()
            .path("entity.id")
            .entity(String.class)
            .get();
    }

    @Test
    void idsTheReviewRenamedOrMergedStillResolve() {
        // The expulsion was only foreseen by the arrest order: one event now.
        assertThat(resolve("event/trofimov-expulsion-ordered")).isEqualTo("event/trofimov-arrest-order");
        // Event ids no longer carry a date.
        assertThat(resolve("event/siem-reap-rescue-2009-10-05")).isEqualTo("event/siem-reap-rescue");
        // "The Administration" and "the Obama administration" are one node.
        assertThat(resolve("organization/obama-administration")).isEqualTo("organization/us-administration");
        // A record about one victim is now the group it belonged to.
        assertThat(resolve("victim/girl-trafficked-into-brothel-cambodia-early-2000s"))
            .isEqualTo("victim/cambodia-children-sold-early-2000s");
    }

    @Test
    void trofimovsLegalStatusReadsTheArrestOrderNeverAnExpulsion() {
        Map<String, Object> standing = this.graphQl.document("""
                { entity(id: "person/alexander-trofimov") { ... on Person {
                    legalStatus { standing status history { kind } } } } }
                """).execute().path("entity.legalStatus[0]").entity(Map.class).get();
        assertThat(standing).containsEntry("standing", "convicted").containsEntry("status", "arrest-order");
        assertThat(standing.get("history").toString()).doesNotContain("expulsion");
    }

    @Test
    void aDatabaseSeededBeforeTheReviewGetsItsCorrections() {
        long entities = count("MATCH (n:Entity) RETURN count(n) AS n");
        String renamedNode = this.graph.single(
                "MATCH (n:Entity {id: 'event/siem-reap-rescue'}) RETURN elementId(n) AS e", Map.of(),
                (r) -> r.get("e").asString());
        // Put back what the review changed, as a database loaded before it holds it: an
        // event under its dated
        // id (its links' ids with it), a link the text does not state, and a record of
        // one victim.
        this.graph.write((tx) -> {
            tx.run("MATCH (a:Alias {id: 'event/siem-reap-rescue-2009-10-05'}) DETACH DELETE a").consume();
            tx.run("""
                    MATCH (n:Entity {id: 'event/siem-reap-rescue'}) SET n.id = 'event/siem-reap-rescue-2009-10-05'
                    WITH n MATCH (n)-[r]-() SET r.id = startNode(r).id + '|' + type(r) + '|' + endNode(r).id
                    """).consume();
            tx.run("""
                    MATCH (a:Entity {id: 'person/thad-cochran'}), (b:Entity {id: 'organization/us-senate'})
                    CREATE (a)-[:MEMBER_OF {id: 'person/thad-cochran|MEMBER_OF|organization/us-senate'}]->(b)
                    """).consume();
            tx.run("""
                    MATCH (e:Entity {id: 'event/appeal-hearing-phnom-penh'})
                    CREATE (v:Entity:Victim {id: 'victim/phnom-penh-appeal-hearing-2010-victim', name: 'a victim', count: 1})
                    CREATE (e)-[:ABOUT {id: 'event/appeal-hearing-phnom-penh-2010-08-18|ABOUT|victim/phnom-penh-appeal-hearing-2010-victim'}]->(v)
                    """)
                .consume();
            tx.run("MATCH (m:__CaseGraphMigration {version: 6}) DELETE m").consume();
            return null;
        });

        this.migrations.apply();
        this.startupLoading.afterSingletonsInstantiated();

        String afterwards = this.graph.single(
                "MATCH (n:Entity {id: 'event/siem-reap-rescue'}) RETURN elementId(n) AS e", Map.of(),
                (r) -> r.get("e").asString());
        assertThat(afterwards).as("renamed in place, so what editors decided about it stays with it")
            .isEqualTo(renamedNode);
        assertThat(count(
                "MATCH ()-[r {id: 'person/thad-cochran|MEMBER_OF|organization/us-senate'}]->() RETURN count(r) AS n"))
            .isZero();
        assertThat(count("MATCH (v:Victim {id: 'victim/phnom-penh-appeal-hearing-2010-victim'}) RETURN count(v) AS n"))
            .isZero();
        assertThat(count("MATCH (n:Entity) WHERE n.id ENDS WITH '-2009-10-05' RETURN count(n) AS n")).isZero();
        assertThat(count("MATCH (m:__CaseGraphMigration) WHERE m.seedRefresh RETURN count(m) AS n")).isZero();
        assertThat(count("MATCH (n:Entity) RETURN count(n) AS n")).isEqualTo(entities);
        long seedLinks = this.seedLoader.read().relationships().size();
        assertThat(count("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n")).isEqualTo(seedLinks);
        assertThat(resolve("event/siem-reap-rescue-2009-10-05")).isEqualTo("event/siem-reap-rescue");
        List<String> linkIds = this.graph.query(
                "MATCH (:Entity {id: 'event/siem-reap-rescue'})-[r]-() RETURN r.id AS id", Map.of(),
                (r) -> r.get("id").asString());
        assertThat(linkIds).isNotEmpty().noneMatch((id) -> id.contains("2009-10-05"));
    }

    private long count(String cypher) {
        return this.graph.single(cypher, Map.of(), (r) -> r.get("n").asLong());
    }

}
