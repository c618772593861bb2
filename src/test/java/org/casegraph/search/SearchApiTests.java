package org.casegraph.search;

import java.util.List;

import org.casegraph.CaseGraphTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@CaseGraphTest
public class SearchApiTests {

    @Autowired
    GraphQlTester graphQl;

    private GraphQlTester.Response search(String query) {
        return this.graphQl.documentName("search").variable("query", query).execute();
    }

    @Test
    void findsByName() {
        GraphQlTester.Response response = search("Trofimov");
        response.path("search.edges[0].node.id").entity(String.class).isEqualTo("person/alexander-trofimov");
        response.path("search.edges[0].highlights[0]").entity(String.class).isEqualTo("Alexander <em>Trofimov</em>");
        response.path("search.totalCount")
            .entity(Integer.class)
            .satisfies((total) -> assertThat(total).isGreaterThan(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Trofimv", "Trofinov", "Barbra Boxer", "Thad Cohran", "Internacional Justice Mission" })
    void forgivesOneTypo(String query) {
        List<String> names = search(query).path("search.edges[*].node.name").entityList(String.class).get();
        assertThat(names.subList(0, Math.min(3, names.size()))).anySatisfy((name) -> assertThat(name)
            .containsAnyOf("Trofimov", "Barbara Boxer", "Thad Cochran", "International Justice Mission"));
    }

    @Test
    void exactNameRanksFirst() {
        search("Cambodia").path("search.edges[0].node.id").entity(String.class).isEqualTo("place/cambodia");
        search("united states senate").path("search.edges[0].node.id")
            .entity(String.class)
            .isEqualTo("organization/us-senate");
    }

    @Test
    void filtersByType() {
        GraphQlTester.Response response = this.graphQl.documentName("search")
            .variable("query", "Cambodia")
            .variable("types", List.of("Place"))
            .execute();
        response.path("search.edges[*].node.__typename")
            .entityList(String.class)
            .satisfies((types) -> assertThat(types).isNotEmpty().containsOnly("Place"));
    }

    @Test
    void pagesWithCursors() {
        GraphQlTester.Response first = this.graphQl.documentName("search")
            .variable("query", "IJM")
            .variable("first", 3)
            .execute();
        List<String> firstIds = first.path("search.edges[*].node.id").entityList(String.class).hasSize(3).get();
        first.path("search.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("search.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = this.graphQl.documentName("search")
            .variable("query", "IJM")
            .variable("first", 3)
            .variable("after", cursor)
            .execute();
        List<String> secondIds = second.path("search.edges[*].node.id").entityList(String.class).get();
        assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
        second.path("search.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"Trofimov", "Trofimov)", "name:Trofimov", "Trofimov AND", "NOT", "OR OR", "*", "?ofimov",
            "Tro\\fimov", "[Cambodia TO Vietnam]", "{!}", "a~2", "Boxer^10", "&& ||", "/regex/", "-Trofimov +Rubio" })
    void treatsAnyTextAsText(String query) {
        search(query).errors()
            .satisfy((errors) -> assertThat(errors)
                .allSatisfy((error) -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }

    @Test
    void syntaxDoesNotChangeTheMeaning() {
        List<String> plain = search("Trofimov").path("search.edges[*].node.id").entityList(String.class).get();
        List<String> withSyntax = search("Trofimov)").path("search.edges[*].node.id").entityList(String.class).get();
        assertThat(withSyntax).isEqualTo(plain);
        search("name:Rubio").path("search.edges[0].node.id").entity(String.class).isEqualTo("person/marco-rubio");
    }

    @Test
    void victimsAreNeverFound() {
        search("girls").path("search.edges[*].node.__typename")
            .entityList(String.class)
            .satisfies((types) -> assertThat(types).doesNotContain("Victim"));
        this.graphQl.documentName("search")
            .variable("query", "girls")
            .variable("types", List.of("Victim"))
            .execute()
            .errors()
            .expect((error) -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().contains("'types'"))
            .verify();
    }

    @Test
    void rejectsBadArgumentsByName() {
        this.graphQl.documentName("search")
            .variable("query", "IJM")
            .variable("types", List.of("Villain"))
            .execute()
            .errors()
            .expect((error) -> error.getMessage().startsWith("Invalid argument 'types': unknown type 'Villain'"))
            .verify();
        this.graphQl.documentName("search")
            .variable("query", "IJM")
            .variable("first", 101)
            .execute()
            .errors()
            .expect((error) -> error.getMessage()
                .equals("Invalid argument 'first': must be between 0 and 100, not 101"))
            .verify();
        this.graphQl.documentName("search")
            .variable("query", "IJM")
            .variable("after", "bm90LWEtY3Vyc29y")
            .execute()
            .errors()
            .expect((error) -> error.getMessage().startsWith("Invalid argument 'after'"))
            .verify();
        this.graphQl.documentName("search")
            .variable("query", "  ")
            .execute()
            .errors()
            .expect((error) -> error.getMessage()
                .equals("Invalid argument 'query': must contain at least one letter or digit"))
            .verify();
    }

}
