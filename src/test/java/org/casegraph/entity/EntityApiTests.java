package org.casegraph.entity;

import java.util.List;
import java.util.Map;

import org.casegraph.CaseGraphTest;
import org.casegraph.graph.Graph;
import org.casegraph.seed.SeedLoader;
import org.casegraph.support.EventOrderFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@CaseGraphTest
public class EntityApiTests {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    SeedLoader seedLoader;

    @Autowired
    Graph graph;

    @Test
    void entityWithSourcesAndRelationships() {
        GraphQlTester.Response response = this.graphQl.documentName("entity")
            .variable("id", "person/alexander-trofimov")
            .execute();
        response.path("entity.__typename").entity(String.class).isEqualTo("Person");
        response.path("entity.name").entity(String.class).isEqualTo("Alexander Trofimov");
        response.path("entity.nationality").entity(String.class).isEqualTo("Russia");
        response.path("entity.sources[*].document.id")
            .entityList(String.class)
            .contains("document/the-current-trofimov-arrest-order");
        response.path("entity.sources[0].quote")
            .entity(String.class)
            .satisfies((quote) -> assertThat(quote).isNotBlank());
        List<Map<String, Object>> relationships = response.path("entity.relationships")
            .entityList(Map.class)
            .get()
            .stream()
            .map((relationship) -> (Map<String, Object>) relationship)
            .toList();
        assertThat(relationships).anySatisfy((relationship) -> {
            assertThat(relationship.get("type")).isEqualTo("DEFENDANT_IN");
            assertThat(relationship.get("to")).isEqualTo(Map.of("id", "case/trofimov-child-sexual-abuse"));
        });
        assertThat(relationships)
            .allSatisfy((relationship) -> assertThat((List<?>) relationship.get("sources")).isNotEmpty());
    }

    @Test
    void nodeResolvesItsType() {
        this.graphQl.documentName("node")
            .variable("id", "organization/international-justice-mission")
            .execute()
            .path("node.__typename")
            .entity(String.class)
            .isEqualTo("Organization")
            .path("node.name")
            .entity(String.class)
            .isEqualTo("International Justice Mission");
    }

    @Test
    void unknownIdIsNullNotAnError() {
        this.graphQl.documentName("entity")
            .variable("id", "person/nobody-at-all")
            .execute()
            .path("entity")
            .valueIsNull();
    }

    @Test
    void relationshipPageSizeIsLimited() {
        this.graphQl.document("{ entity(id: \"person/alexander-trofimov\") { relationships(first: 1000) { id } } }")
            .execute()
            .errors()
            .expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST
                    && error.getMessage().equals("Invalid argument 'first': must be between 0 and 100, not 1000"))
            .verify();
    }

    @Test
    void legalStatusFollowsTheCaseEvents() {
        GraphQlTester.Response now = this.graphQl.documentName("legalStatus")
            .variable("id", "person/alexander-trofimov")
            .execute();
        now.path("entity.legalStatus[0].case.id").entity(String.class).isEqualTo("case/trofimov-child-sexual-abuse");
        // The pardon let him out of jail but left the conviction standing.
        now.path("entity.legalStatus[0].convicted").entity(Boolean.class).isEqualTo(true);
        now.path("entity.legalStatus[0].standing").entity(String.class).isEqualTo("convicted");
        now.path("entity.legalStatus[0].history[*].kind").entityList(String.class).contains("conviction", "pardon");

        GraphQlTester.Response beforePardon = this.graphQl.documentName("legalStatus")
            .variable("id", "person/alexander-trofimov")
            .variable("asOf", "2011-11")
            .execute();
        beforePardon.path("entity.legalStatus[0].history[*].kind").entityList(String.class).doesNotContain("pardon");
    }

    @Test
    void legalHistoryOnOneDateFollowsTheOrdinals() {
        EventOrderFixture.load(this.seedLoader);
        try {
            GraphQlTester.Response response = this.graphQl.documentName("legalStatus")
                .variable("id", EventOrderFixture.DEFENDANT)
                .execute();
            response.path("entity.legalStatus[0].history[*].id")
                .entityList(String.class)
                .containsExactly(EventOrderFixture.CASE_EVENTS.toArray(String[]::new));
            // The appeal, known only to the month, came after the sentence: it is the
            // latest legal event.
            response.path("entity.legalStatus[0].status").entity(String.class).isEqualTo("appeal");
            response.path("entity.legalStatus[0].since").entity(String.class).isEqualTo("1901-10");
            response.path("entity.legalStatus[0].standing").entity(String.class).isEqualTo("convicted");

            this.graphQl
                .document("{ entity(id: \"" + EventOrderFixture.CASE + "\") { ... on Case { events { id } } } }")
                .execute()
                .path("entity.events[*].id")
                .entityList(String.class)
                .containsExactly(EventOrderFixture.CASE_EVENTS.toArray(String[]::new));
        }
        finally {
            EventOrderFixture.remove(this.graph);
        }
    }

    @Test
    void anOverturnedConvictionIsNotAConviction() {
        GraphQlTester.Response response = this.graphQl.documentName("legalStatus")
            .variable("id", "person/eam-rattana")
            .execute();
        response.path("entity.legalStatus[0].convicted").entity(Boolean.class).isEqualTo(false);
        response.path("entity.legalStatus[0].standing").entity(String.class).isEqualTo("conviction overturned");

        GraphQlTester.Response in2012 = this.graphQl.documentName("legalStatus")
            .variable("id", "person/eam-rattana")
            .variable("asOf", "2012")
            .execute();
        in2012.path("entity.legalStatus[0].convicted").entity(Boolean.class).isEqualTo(true);
    }

}
