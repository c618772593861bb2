package org.casegraph.entity;

import java.util.List;

import org.casegraph.CaseGraphTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@CaseGraphTest
public class TypedFieldsApiTests {

    @Autowired
    GraphQlTester graphQl;

    @Test
    void typedFieldsNameWhoDidWhat() {
        GraphQlTester.Response response = this.graphQl.documentName("typedFields").execute();
        assertThat(response.path("letter.signatories[*].name").entityList(String.class).get())
            .containsExactlyInAnyOrder("Thad Cochran", "Barbara Boxer", "Marco Rubio", "Carl Levin", "David Vitter");
        response.path("letter.recipients[*].name").entityList(String.class).contains("Hillary Clinton");
        response.path("case.parties[*].type").entityList(String.class).contains("DEFENDANT_IN", "VICTIM_IN");
        List<String> dates = response.path("case.events[*].date").entityList(String.class).get();
        assertThat(dates).isNotEmpty().isSorted();
        response.path("case.events[*].kind").entityList(String.class).contains("conviction", "pardon", "arrest-order");
        response.path("senator.affiliations[*].to.name").entityList(String.class).contains("United States Senate");
        response.path("pardon.participants[*].from.name").entityList(String.class).contains("Alexander Trofimov");
        response.path("pardon.places[*].name").entityList(String.class).contains("Cambodia");
        response.path("pardon.cases[*].name").entityList(String.class).hasSize(1);
    }

    @Test
    void relationshipsValidAtADate() {
        String query = "query($asOf: PartialDate) { entity(id: \"person/charles-ray\") { "
                + "relationships(types: [\"HOLDS_OFFICE\"], asOf: $asOf) { role validFrom to { id } } } }";
        assertThat(this.graphQl.document(query)
            .variable("asOf", "2002")
            .execute()
            .path("entity.relationships[*].to.id")
            .entityList(String.class)
            .get()).doesNotContain("place/cambodia");
        assertThat(this.graphQl.document(query)
            .variable("asOf", "2004")
            .execute()
            .path("entity.relationships[*].to.id")
            .entityList(String.class)
            .get()).contains("place/cambodia");
        assertThat(this.graphQl.document(query)
            .execute()
            .path("entity.relationships[*].to.id")
            .entityList(String.class)
            .get()).contains("place/cambodia");
    }

    @Test
    void pathsOnlyOverRelationshipsValidInTheWindow() {
        String query = "query($validTo: PartialDate) { paths(fromId: \"person/charles-ray\", toId: \"place/cambodia\", "
                + "maxLength: 1, validTo: $validTo) { length } }";
        assertThat(this.graphQl.document(query)
            .variable("validTo", "2004")
            .execute()
            .path("paths[*].length")
            .entityList(Integer.class)
            .get()).containsExactly(1);
        assertThat(this.graphQl.document(query)
            .variable("validTo", "2002")
            .execute()
            .path("paths[*].length")
            .entityList(Integer.class)
            .get()).isEmpty();
    }

}
