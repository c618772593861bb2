package org.casegraph.explorer;

import java.util.List;
import java.util.Map;

import org.casegraph.CaseGraphTest;
import org.casegraph.graph.Graph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API the explorer added: cases, latestEvents, subgraph, Document.citedBy,
 * timeline kinds, neighbourhood exclusions.
 */
@CaseGraphTest
class ExplorerApiTests {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Graph graph;

    @Test
    void casesAreListedByNameAndPaged() {
        List<String> all = this.graph.query("MATCH (c:Case) RETURN c.name AS name ORDER BY name", Map.of(),
                (r) -> r.get("name").asString());
        GraphQlTester.Response first = this.graphQl
            .document("{ cases(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }")
            .execute();
        first.path("cases.totalCount").entity(Integer.class).isEqualTo(all.size());
        first.path("cases.edges[*].node.name").entityList(String.class).isEqualTo(all.subList(0, 2));
        String cursor = first.path("cases.pageInfo.endCursor").entity(String.class).get();
        this.graphQl.document("query($after: String) { cases(first: 100, after: $after) { edges { node { name } } } }")
            .variable("after", cursor)
            .execute()
            .path("cases.edges[*].node.name")
            .entityList(String.class)
            .isEqualTo(all.subList(2, all.size()));
    }

    @Test
    void latestEventsComeLatestFirst() {
        List<String> dates = this.graphQl.document("{ latestEvents(first: 5) { date } }")
            .execute()
            .path("latestEvents[*].date")
            .entityList(String.class)
            .hasSize(5)
            .get();
        String newest = this.graph.single("MATCH (e:Event) RETURN max(e.date) AS d", Map.of(),
                (r) -> r.get("d").asString());
        assertThat(dates.get(0)).isEqualTo(newest);
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void timelineFiltersByKind() {
        List<String> kinds = this.graphQl
            .document("{ timeline(kinds: [\"pardon\", \"conviction\"], first: 100) { edges { node { kind name } } } }")
            .execute()
            .path("timeline.edges[*].node.kind")
            .entityList(String.class)
            .get();
        long expected = this.graph.single(
                "MATCH (e:Event) WHERE e.kind IN ['pardon', 'conviction'] RETURN count(e) AS n", Map.of(),
                (r) -> r.get("n").asLong());
        assertThat(kinds).hasSize((int) expected)
            .isNotEmpty()
            .allMatch((kind) -> kind.equals("pardon") || kind.equals("conviction"));
    }

    @Test
    void neighborhoodLeavesOutAndDoesNotWalkThroughExcludedEntities() {
        String hub = "case/trofimov-child-sexual-abuse";
        List<String> with = neighborhood(null);
        List<String> without = neighborhood(List.of(hub));
        assertThat(with).contains(hub);
        assertThat(without).doesNotContain(hub).isNotEmpty();
        // Nothing is reached only through the excluded hub.
        List<String> direct = this.graph.query("""
                MATCH (:Entity {id: 'person/alexander-trofimov'})-[]-(m:Entity) WHERE m.id <> $hub
                RETURN DISTINCT m.id AS id""", Map.of("hub", hub), (r) -> r.get("id").asString());
        assertThat(without).containsAll(direct);
        this.graphQl.document(
                "{ neighborhood(id: \"person/alexander-trofimov\", excludeIds: [\"person/alexander-trofimov\"]) { truncated } }")
            .execute()
            .errors()
            .expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST
                    && error.getMessage().contains("excludeIds"));
    }

    private List<String> neighborhood(List<String> exclude) {
        return this.graphQl.document(
                "query($exclude: [ID!]) { neighborhood(id: \"person/alexander-trofimov\", depth: 2, limit: 500, excludeIds: $exclude) { nodes { id } } }")
            .variable("exclude", exclude)
            .execute()
            .path("neighborhood.nodes[*].id")
            .entityList(String.class)
            .get();
    }

    @Test
    void subgraphHasEveryRelationshipAmongTheGivenEntities() {
        List<String> ids = List.of("person/thad-cochran", "person/barbara-boxer",
                "document/senators-letter-to-clinton-on-cambodian-pardons", "no/such-entity");
        GraphQlTester.Response response = this.graphQl.document(
                "query($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id } relationships { type from { id } to { id } } } }")
            .variable("ids", ids)
            .execute();
        response.path("subgraph.nodes[*].id").entityList(String.class).isEqualTo(ids.subList(0, 3));
        long expected = this.graph.single(
                "MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n",
                Map.of("ids", ids), (r) -> r.get("n").asLong());
        List<Map> relationships = response.path("subgraph.relationships").entityList(Map.class).get();
        assertThat(relationships).hasSize((int) expected).extracting((r) -> r.get("type")).contains("SIGNED");
    }

    @Test
    void aDocumentListsEveryFactThatCitesItWithTheQuote() {
        String document = this.graph.single("""
                MATCH (n:Entity) UNWIND n.citeDocs AS d RETURN d, count(*) AS n ORDER BY n DESC, d LIMIT 1""", Map.of(),
                (r) -> r.get("d").asString());
        List<String> entityQuotes = this.graph.query("""
                MATCH (n:Entity) WHERE $d IN n.citeDocs AND coalesce(n.visibility, 'public') = 'public'
                UNWIND range(0, size(n.citeDocs) - 1) AS i WITH n, i WHERE n.citeDocs[i] = $d
                RETURN n.citeQuotes[i] AS q""", Map.of("d", document), (r) -> r.get("q").asString());
        List<String> relationshipQuotes = this.graph.query("""
                MATCH (a:Entity)-[r]->(b:Entity) WHERE $d IN r.citeDocs AND coalesce(r.visibility, 'public') = 'public'
                  AND coalesce(a.visibility, 'public') = 'public' AND coalesce(b.visibility, 'public') = 'public'
                UNWIND range(0, size(r.citeDocs) - 1) AS i WITH r, i WHERE r.citeDocs[i] = $d
                RETURN r.citeQuotes[i] AS q""", Map.of("d", document), (r) -> r.get("q").asString());
        GraphQlTester.Response response = this.graphQl.document(
                """
                        query($id: ID!) { entity(id: $id) { ... on Document { citedBy(first: 500) { quote entity { id } relationship { type } } } } }""")
            .variable("id", document)
            .execute();
        List<Map> facts = response.path("entity.citedBy").entityList(Map.class).get();
        assertThat(facts).hasSize(entityQuotes.size() + relationshipQuotes.size());
        assertThat(facts.stream().filter((f) -> f.get("entity") != null).map((f) -> (String) f.get("quote")))
            .containsExactlyInAnyOrderElementsOf(entityQuotes);
        assertThat(facts.stream().filter((f) -> f.get("relationship") != null).map((f) -> (String) f.get("quote")))
            .containsExactlyInAnyOrderElementsOf(relationshipQuotes);
        assertThat(facts)
            .allSatisfy((f) -> assertThat(f.get("entity") == null).isNotEqualTo(f.get("relationship") == null));
    }

}
