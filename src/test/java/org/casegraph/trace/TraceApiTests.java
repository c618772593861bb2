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
        List<String> expected = distance.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .limit(7)
            .map(Map.Entry::getKey)
            .toList();
        assertThat(cut.subList(1, cut.size())).containsExactlyElementsOf(expected);
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
            .expect((error) -> error.getMessage().startsWith("Invalid argument 'relationshipTypes': unknown relationship type"))
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
    void commonConnectionsOfTwoSenators() {
        this.graphQl.documentName("commonConnections")
            .variable("ids", List.of("person/thad-cochran", "person/barbara-boxer"))
            .execute()
            .path("commonConnections[*].node.id")
            .entityList(String.class)
            .contains("document/senators-letter-to-clinton-on-cambodian-pardons", "organization/us-senate");
    }

}
