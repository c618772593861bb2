package org.casegraph.trace;

import java.util.List;
import java.util.Map;

import org.casegraph.CaseGraphTest;
import org.casegraph.graph.Graph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@CaseGraphTest
public class TraceApiTests {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Graph graph;

    @Test
    void neighborhoodOfAnOffender() {
        GraphQlTester.Response response = this.graphQl.documentName("neighborhood")
            .variable("id", "person/alexander-trofimov")
            .execute();
        List<String> ids = response.path("neighborhood.nodes[*].id").entityList(String.class).get();
        assertThat(ids).first().isEqualTo("person/alexander-trofimov");
        assertThat(ids).contains("case/trofimov-child-sexual-abuse", "event/trofimov-pardon");
        response.path("neighborhood.truncated").entity(Boolean.class).isEqualTo(false);
        List<Map> relationships = response.path("neighborhood.relationships").entityList(Map.class).get();
        assertThat(relationships).isNotEmpty().allSatisfy((relationship) -> {
            assertThat(ids).contains((String) ((Map) relationship.get("from")).get("id"),
                    (String) ((Map) relationship.get("to")).get("id"));
        });
    }

    @Test
    void neighborhoodIsCutAtTheLimit() {
        GraphQlTester.Response response = this.graphQl.documentName("neighborhood")
            .variable("id", "organization/international-justice-mission")
            .variable("depth", 2)
            .variable("limit", 5)
            .execute();
        response.path("neighborhood.truncated").entity(Boolean.class).isEqualTo(true);
        response.path("neighborhood.nodes").entityList(Object.class).hasSize(6);
    }

    @Test
    void neighborhoodIsNearestFirstAndMatchesAPlainVariableLengthMatch() {
        String start = "person/alexander-trofimov";
        List<String> ids = this.graphQl.documentName("neighborhood")
            .variable("id", start)
            .variable("depth", 2)
            .variable("limit", 500)
            .execute()
            .path("neighborhood.nodes[*].id")
            .entityList(String.class)
            .get();
        Map<String, Long> distance = new java.util.HashMap<>();
        this.graph.query("""
                MATCH p = (s:Entity {id: $id})-[*1..2]-(m:Entity) WHERE m <> s
                RETURN m.id AS id, min(length(p)) AS distance
                """, Map.of("id", start), (r) -> distance.put(r.get("id").asString(), r.get("distance").asLong()));
        assertThat(ids.subList(1, ids.size())).containsExactlyInAnyOrderElementsOf(distance.keySet());
        List<Long> distances = ids.subList(1, ids.size()).stream().map(distance::get).toList();
        assertThat(distances).as("nearest first").isSorted();
        // Cut at the limit: the first entities by distance, then by id.
        List<String> cut = this.graphQl.documentName("neighborhood")
            .variable("id", start)
            .variable("depth", 2)
            .variable("limit", 7)
            .execute()
            .path("neighborhood.nodes[*].id")
            .entityList(String.class)
            .get();
        List<String> expected = distance.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .limit(7)
            .map(Map.Entry::getKey)
            .toList();
        assertThat(cut.subList(1, cut.size())).containsExactlyElementsOf(expected);
    }

    /**
     * Asked without its relationships, as an app listing neighbours does, a neighbourhood
     * holds the same entities in the same order.
     */
    @Test
    void neighborhoodWithoutRelationshipsHasTheSameEntities() {
        for (String id : List.of("person/alexander-trofimov", "organization/international-justice-mission")) {
            List<String> withRelationships = this.graphQl.documentName("neighborhood")
                .variable("id", id)
                .variable("depth", 2)
                .variable("limit", 60)
                .execute()
                .path("neighborhood.nodes[*].id")
                .entityList(String.class)
                .get();
            List<String> nodesOnly = this.graphQl.document("""
                    query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 60) { truncated nodes { id } } }
                    """).variable("id", id).execute().path("neighborhood.nodes[*].id").entityList(String.class).get();
            assertThat(nodesOnly).hasSizeGreaterThan(10).containsExactlyElementsOf(withRelationships);
        }
    }

    /**
     * Asked for names only, a neighbourhood reads only those properties of each entity;
     * it answers as it does when it reads the entities whole (here, because a field with
     * a mapping of its own is selected too).
     */
    @Test
    void neighborhoodAskedForNamesAnswersAsWhenReadWhole() {
        for (String id : List.of("person/alexander-trofimov",
                "document/senators-letter-to-clinton-on-cambodian-pardons")) {
            List<Map> names = this.graphQl.document("""
                    query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { nodes { __typename id name } } }
                    """).variable("id", id).execute().path("neighborhood.nodes").entityList(Map.class).get();
            List<Map> whole = this.graphQl.document("""
                    query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) {
                      nodes { __typename id name relationships(first: 1) { id } } } }
                    """).variable("id", id).execute().path("neighborhood.nodes").entityList(Map.class).get();
            assertThat(names).hasSizeGreaterThan(20)
                .containsExactlyElementsOf(whole.stream()
                    .map((node) -> Map.of("__typename", node.get("__typename"), "id", node.get("id"), "name",
                            node.get("name")))
                    .toList());
            assertThat(names).extracting((node) -> node.get("__typename")).contains("Person", "Case", "Event");
        }
    }

    @Test
    void neighborhoodFollowsOnlyTheNamedTypes() {
        this.graphQl.documentName("neighborhood")
            .variable("id", "document/senators-letter-to-clinton-on-cambodian-pardons")
            .variable("relationshipTypes", List.of("SIGNED"))
            .execute()
            .path("neighborhood.relationships[*].type")
            .entityList(String.class)
            .containsExactly("SIGNED", "SIGNED", "SIGNED", "SIGNED", "SIGNED");
    }

    @Test
    void neighborhoodRejectsBadArguments() {
        this.graphQl.documentName("neighborhood")
            .variable("id", "person/alexander-trofimov")
            .variable("depth", 4)
            .execute()
            .errors()
            .expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST
                    && error.getMessage().equals("Invalid argument 'depth': must be between 1 and 3, not 4"))
            .verify();
        this.graphQl.documentName("neighborhood")
            .variable("id", "person/alexander-trofimov")
            .variable("relationshipTypes", List.of("KNOWS`]->() DETACH DELETE n //"))
            .execute()
            .errors()
            .expect((error) -> error.getMessage()
                .startsWith("Invalid argument 'relationshipTypes': unknown relationship type"))
            .verify();
    }

    @Test
    void pathFromAnOffenderToTheSenatorsWhoProtestedHisPardon() {
        GraphQlTester.Response response = this.graphQl.documentName("paths")
            .variable("fromId", "person/alexander-trofimov")
            .variable("toId", "person/thad-cochran")
            .variable("first", 3)
            .execute();
        List<Integer> lengths = response.path("paths[*].length").entityList(Integer.class).get();
        assertThat(lengths).isNotEmpty().isSorted();
        response.path("paths[0].nodes[0].id").entity(String.class).isEqualTo("person/alexander-trofimov");
        response.path("paths[0].nodes[-1].id").entity(String.class).isEqualTo("person/thad-cochran");
        assertThat(lengths.get(0)).isLessThanOrEqualTo(4);
    }

    @Test
    void pathsCanAvoidHubs() {
        GraphQlTester.Response all = this.graphQl.documentName("paths")
            .variable("fromId", "person/thad-cochran")
            .variable("toId", "person/barbara-boxer")
            .variable("first", 10)
            .execute();
        List<String> viaNodes = all.path("paths[*].nodes[*].id").entityList(String.class).get();
        assertThat(viaNodes).contains("organization/us-senate");
        GraphQlTester.Response avoiding = this.graphQl.documentName("paths")
            .variable("fromId", "person/thad-cochran")
            .variable("toId", "person/barbara-boxer")
            .variable("first", 10)
            .variable("excludeIds", List.of("organization/us-senate"))
            .execute();
        assertThat(avoiding.path("paths[*].nodes[*].id").entityList(String.class).get()).isNotEmpty()
            .doesNotContain("organization/us-senate");
    }

    @Test
    void pathsBetweenTwoSenatorsAreDistinctRoutesAndShowTheLetterBothSigned() {
        String cochran = "person/thad-cochran";
        String boxer = "person/barbara-boxer";
        List<String> signedByBoth = this.graph.query("""
                MATCH (:Person {id: $a})-[:SIGNED]->(d:Document)<-[:SIGNED]-(:Person {id: $b})
                RETURN d.id AS id
                """, Map.of("a", cochran, "b", boxer), (r) -> r.get("id").asString());
        assertThat(signedByBoth).as("the seed data has a document both senators signed").isNotEmpty();
        List<Map> paths = this.graphQl.documentName("paths")
            .variable("fromId", cochran)
            .variable("toId", boxer)
            .variable("maxLength", 3)
            .variable("first", 3)
            .execute()
            .path("paths")
            .entityList(Map.class)
            .get();
        assertThat(paths).hasSize(3);
        assertRoutes(paths, cochran, boxer);
        assertThat(paths).as("one of the first three paths goes through a document both senators SIGNED")
            .anySatisfy((path) -> {
                assertThat(ids(path)).hasSize(3);
                assertThat(signedByBoth).contains(ids(path).get(1));
                List<Map> hops = (List<Map>) path.get("hops");
                assertThat(hops).allSatisfy((hop) -> assertThat((List<Map>) hop.get("relationships"))
                    .extracting((relationship) -> relationship.get("type"))
                    .contains("SIGNED"));
            });
    }

    @Test
    void parallelRelationshipsAreGroupedOnOneHopNotRepeatedAsRoutes() {
        String cochran = "person/thad-cochran";
        String boxer = "person/barbara-boxer";
        List<Map> paths = this.graphQl.documentName("paths")
            .variable("fromId", cochran)
            .variable("toId", boxer)
            .variable("maxLength", 2)
            .variable("first", 10)
            .execute()
            .path("paths")
            .entityList(Map.class)
            .get();
        assertRoutes(paths, cochran, boxer);
        // Every entity linked to both senators is one route of two hops, whatever the
        // number of links.
        List<String> between = this.graph.query("""
                MATCH (:Entity {id: $a})--(m:Entity)--(:Entity {id: $b})
                WHERE coalesce(m.visibility, 'public') = 'public'
                RETURN DISTINCT m.id AS id
                """, Map.of("a", cochran, "b", boxer), (r) -> r.get("id").asString());
        assertThat(paths.stream().map((path) -> ids(path).get(1)).toList())
            .containsExactlyInAnyOrderElementsOf(between);
        // Two entities linked twice (the seed data has such pairs, e.g. a document an
        // organization both authored
        // and published): one route of one hop, which holds both relationships.
        Map<String, Object> pair = this.graph.single("""
                MATCH (a:Entity)-[r]-(b:Entity)
                WHERE a.id < b.id AND coalesce(a.visibility, 'public') = 'public'
                  AND coalesce(b.visibility, 'public') = 'public' AND coalesce(r.visibility, 'public') = 'public'
                WITH a, b, count(r) AS links WHERE links > 1
                RETURN a.id AS from, b.id AS to, links ORDER BY a.id, b.id LIMIT 1
                """, Map.of(), (r) -> r.asMap());
        assertThat(pair).as("the seed data has two entities linked twice").isNotNull();
        List<Map> direct = this.graphQl.documentName("paths")
            .variable("fromId", pair.get("from"))
            .variable("toId", pair.get("to"))
            .variable("maxLength", 1)
            .variable("first", 10)
            .execute()
            .path("paths")
            .entityList(Map.class)
            .get();
        assertThat(direct).singleElement()
            .satisfies((path) -> assertThat((List<Map>) path.get("hops")).singleElement()
                .satisfies((hop) -> assertThat((List<?>) hop.get("relationships"))
                    .hasSize(((Number) pair.get("links")).intValue())));
    }

    @Test
    void pathsAreTheShortestRoutesWithTheSmallestHubsFirst() {
        // The API against a brute-force reading of the definition: every simple route up
        // to maxLength, by length,
        // then by the sum of the degrees of the entities between the ends, then by ids.
        record Case(String from, String to, int maxLength, int first) {
        }
        for (Case c : List.of(new Case("person/thad-cochran", "person/barbara-boxer", 3, 10),
                new Case("person/alexander-trofimov", "person/marco-rubio", 3, 6),
                new Case("person/thad-cochran", "place/cambodia", 3, 5),
                // 63 routes of four hops tie for the last two places here, some of them
                // walks that loop.
                new Case("person/thad-cochran", "person/barbara-boxer", 4, 10))) {
            Map<String, Long> degree = new java.util.HashMap<>();
            this.graph.query(
                    """
                            MATCH (n:Entity)
                            RETURN n.id AS id, COUNT { (n)-[h]-(:Entity) WHERE coalesce(h.visibility, 'public') = 'public' } AS degree
                            """,
                    Map.of(), (r) -> degree.put(r.get("id").asString(), r.get("degree").asLong()));
            List<List<String>> routes = this.graph.query("""
                    MATCH p = (:Entity {id: $from})-[rs*1..%d]-(:Entity {id: $to})
                    WHERE all(n IN nodes(p) WHERE n:Entity AND coalesce(n.visibility, 'public') = 'public')
                      AND all(r IN rs WHERE coalesce(r.visibility, 'public') = 'public')
                    RETURN DISTINCT [n IN nodes(p) | n.id] AS ids
                    """.formatted(c.maxLength()), Map.of("from", c.from(), "to", c.to()),
                    (r) -> r.get("ids").asList(org.neo4j.driver.Value::asString));
            java.util.Comparator<List<String>> order = java.util.Comparator.<List<String>>comparingInt(List::size)
                .thenComparingLong((route) -> route.subList(1, route.size() - 1).stream().mapToLong(degree::get).sum())
                .thenComparing((route) -> String.join("\u0000", route));
            List<List<String>> expected = routes.stream()
                .filter((route) -> new java.util.HashSet<>(route).size() == route.size())
                .sorted(order)
                .limit(c.first())
                .toList();
            List<Map> paths = this.graphQl.documentName("paths")
                .variable("fromId", c.from())
                .variable("toId", c.to())
                .variable("maxLength", c.maxLength())
                .variable("first", c.first())
                .execute()
                .path("paths")
                .entityList(Map.class)
                .get();
            assertThat(expected).as(c + ": the seed data has routes").isNotEmpty();
            assertRoutes(paths, c.from(), c.to());
            assertThat(paths.stream().map(TraceApiTests::ids).toList()).as(c.toString()).isEqualTo(expected);
        }
    }

    private static List<String> ids(Map path) {
        return ((List<Map>) path.get("nodes")).stream().map((node) -> (String) node.get("id")).toList();
    }

    /**
     * What a user checks of any answer: shortest first, no route twice, no entity twice
     * in a route, hops that chain the nodes, every followable relationship between a
     * hop's two entities on that hop, and {@code relationships} holding the hops'
     * relationships in hop order.
     */
    private void assertRoutes(List<Map> paths, String from, String to) {
        assertThat(paths).isNotEmpty();
        assertThat(paths.stream().map((path) -> (Integer) path.get("length")).toList()).isSorted();
        assertThat(paths.stream().map(TraceApiTests::ids).toList()).as("no two paths with the same nodes")
            .doesNotHaveDuplicates();
        for (Map path : paths) {
            List<String> ids = ids(path);
            assertThat(ids).as("a route visits an entity once").doesNotHaveDuplicates();
            assertThat(ids.get(0)).isEqualTo(from);
            assertThat(ids.get(ids.size() - 1)).isEqualTo(to);
            List<Map> hops = (List<Map>) path.get("hops");
            assertThat(hops).hasSize(ids.size() - 1).hasSize((Integer) path.get("length"));
            List<Object> grouped = new java.util.ArrayList<>();
            for (int i = 0; i < hops.size(); i++) {
                Map hop = hops.get(i);
                String a = (String) ((Map) hop.get("from")).get("id");
                String b = (String) ((Map) hop.get("to")).get("id");
                assertThat(List.of(a, b)).as("hop %d follows the path's direction", i).isEqualTo(ids.subList(i, i + 2));
                List<Map> relationships = (List<Map>) hop.get("relationships");
                List<String> between = this.graph.query("""
                        MATCH (:Entity {id: $a})-[r]-(:Entity {id: $b})
                        WHERE coalesce(r.visibility, 'public') = 'public'
                        RETURN r.id AS id
                        """, Map.of("a", a, "b", b), (r) -> r.get("id").asString());
                assertThat(relationships.stream().map((relationship) -> (String) relationship.get("id")).toList())
                    .as("hop %s-%s lists every relationship between them", a, b)
                    .containsExactlyInAnyOrderElementsOf(between);
                assertThat(relationships).allSatisfy((relationship) -> assertThat(
                        List.of(((Map) relationship.get("from")).get("id"), ((Map) relationship.get("to")).get("id")))
                    .containsExactlyInAnyOrder(a, b));
                grouped.addAll(relationships);
            }
            assertThat(((List<Map>) path.get("relationships")).stream().map((r) -> r.get("id")).toList())
                .as("relationships are the hops' relationships in hop order")
                .isEqualTo(grouped.stream().map((r) -> ((Map) r).get("id")).toList());
        }
    }

    @Test
    void commonConnectionsOfTwoSenators() {
        this.graphQl.documentName("commonConnections")
            .variable("ids", List.of("person/thad-cochran", "person/barbara-boxer"))
            .execute()
            .path("commonConnections[*].node.id")
            .entityList(String.class)
            .contains("document/senators-letter-to-clinton-on-cambodian-pardons", "organization/us-senate");
    }

}
