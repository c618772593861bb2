package org.casegraph.access;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.casegraph.CaseGraphTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests built to exhaust the server are refused before they run, with a message that
 * says why, and the server answers normally afterwards.
 */
@CaseGraphTest
class QueryLimitsTests {

    @Autowired
    GraphQlTester graphQl;

    private List<ResponseError> errorsOf(String document) {
        long started = System.nanoTime();
        List<ResponseError> errors = costOf(document, Map.of());
        System.out.printf("rejected in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000,
                errors.isEmpty() ? "(not rejected)" : errors.get(0).getMessage());
        return errors;
    }

    @AfterEach
    void stillServing() {
        this.graphQl.document("{ entity(id: \"person/alexander-trofimov\") { name } }")
            .execute()
            .path("entity.name")
            .entity(String.class)
            .isEqualTo("Alexander Trofimov");
    }

    @Test
    void sixtyLevelsDeep() {
        String open = "{ entity(id: \"person/alexander-trofimov\") { " + "relationships(first: 1) { from { ".repeat(30);
        String close = "}".repeat(60) + " } }";
        assertThat(errorsOf(open + "id " + close)).singleElement()
            .satisfies((error) -> assertThat(error.getMessage())
                .startsWith("Query rejected: the query is 62 levels deep; at most 15"));
    }

    @Test
    void twoThousandAliases() {
        String aliases = IntStream.range(0, 2000)
            .mapToObj((i) -> "a" + i + ": __typename")
            .collect(Collectors.joining(" "));
        assertThat(errorsOf("{ " + aliases + " }")).singleElement()
            .satisfies((error) -> assertThat(error.getMessage()).startsWith("More than 5,000 'grammar' tokens"));
    }

    @Test
    void sixHundredFields() {
        String fields = "__typename ".repeat(600);
        assertThat(errorsOf("{ " + fields + " }")).singleElement()
            .satisfies((error) -> assertThat(error.getMessage())
                .isEqualTo("Query rejected: the query selects 600 fields (aliases count); at most 500 are allowed"));
    }

    @Test
    void aHundredAndOneAliasesOfOneField() {
        String aliases = IntStream.range(0, 101)
            .mapToObj((i) -> "a" + i + ": entity(id: \"person/alexander-trofimov\") { id }")
            .collect(Collectors.joining(" "));
        assertThat(errorsOf("{ " + aliases + " }")).singleElement()
            .satisfies((error) -> assertThat(error.getMessage())
                .isEqualTo("Query rejected: the query has 101 aliases; at most 50 are allowed"));
    }

    @Test
    void fiftyAliasesAreServed() {
        String aliases = IntStream.range(0, 50)
            .mapToObj((i) -> "a" + i + ": __typename")
            .collect(Collectors.joining(" "));
        assertThat(errorsOf("{ " + aliases + " }")).isEmpty();
    }

    /**
     * Validation reports each unknown directive as an error of its own: a field may not
     * carry many.
     */
    @Test
    void repeatedUnknownDirectives() {
        String fewer = "{ entity(id: \"person/alexander-trofimov\")" + " @unknown".repeat(5) + " { id } }";
        assertThat(errorsOf(fewer)).hasSizeGreaterThanOrEqualTo(1)
            .allSatisfy((error) -> assertThat(error.getMessage()).contains("unknown"));
        String many = "{ entity(id: \"person/alexander-trofimov\")" + " @unknown".repeat(300) + " { id } }";
        assertThat(errorsOf(many)).singleElement()
            .satisfies((error) -> assertThat(error.getMessage())
                .isEqualTo("Query rejected: a field carries 300 directives; at most 5 are allowed on one field"));
    }

    @Test
    void aResponseListsAtMostTwentyErrors() {
        String unknownFields = IntStream.range(0, 30).mapToObj((i) -> "missing" + i).collect(Collectors.joining(" "));
        List<ResponseError> errors = errorsOf("{ " + unknownFields + " }");
        assertThat(errors).hasSize(20);
        assertThat(errors.get(0).getMessage()).contains("missing0");
        assertThat(errors.get(19).getMessage()).isEqualTo("11 more errors left out; a response lists at most 20");
    }

    @Test
    void aFanOutToMillionsOfNodes() {
        assertThat(errorsOf("""
                { neighborhood(id: "organization/international-justice-mission", depth: 3, limit: 500) {
                    nodes { relationships(first: 100) { to { relationships(first: 100) { to { id } } } } } } }
                """)).singleElement()
            .satisfies((error) -> assertThat(error.getMessage()).startsWith("Query rejected: the query could cost"));
    }

    /**
     * The limits remember each document's cost; a page size or a switch in the variables
     * must still count.
     */
    @Test
    void theSameDocumentIsJudgedByItsVariables() {
        String document = """
                query($limit: Int!, $deep: Boolean!) {
                  neighborhood(id: "organization/international-justice-mission", depth: 3, limit: $limit) {
                    nodes { id relationships(first: 100) @include(if: $deep) { to { relationships(first: 100) { to { id } } } } } } }
                """;
        // With the nested lists, 5 nodes cost about 151,000 and 10 about 302,000, over
        // the budget of 250,000.
        for (int round = 0; round < 2; round++) {
            assertThat(costErrors(document, 5, false)).isEmpty();
            assertThat(costErrors(document, 10, true)).singleElement()
                .satisfies((error) -> assertThat(error.getMessage())
                    .startsWith("Query rejected: the query could cost 302"));
            assertThat(costErrors(document, 5, true)).isEmpty();
            assertThat(costErrors(document, 500, false)).isEmpty();
            assertThat(costErrors(document, 500, true)).singleElement()
                .satisfies(
                        (error) -> assertThat(error.getMessage()).startsWith("Query rejected: the query could cost"));
        }
    }

    /**
     * A page size sent as null is the default to the resolvers (50 relationships), so it
     * must cost the default: three nested levels of 50 cost about 255,000, over the
     * budget, however the 50 is asked for.
     */
    @Test
    void aNullPageSizeCostsTheDefault() {
        String levels = "{ entity(id: \"person/alexander-trofimov\") { relationships(first: %1$s) { to { relationships(first: %1$s) "
                + "{ to { relationships(first: %1$s) { id } } } } } } }";
        for (String first : List.of("50", "null")) {
            assertThat(errorsOf(levels.formatted(first))).as("first: %s", first)
                .singleElement()
                .satisfies((error) -> assertThat(error.getMessage())
                    .startsWith("Query rejected: the query could cost 255101"));
        }
        String withVariable = "query($n: Int) " + levels.formatted("$n");
        for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of(), Collections.singletonMap("n", null),
                Map.of("n", 50), Map.of())) {
            assertThat(costOf(withVariable, variables)).as("variables %s", variables)
                .singleElement()
                .satisfies((error) -> assertThat(error.getMessage())
                    .startsWith("Query rejected: the query could cost 255101"));
        }
        assertThat(costOf(withVariable, Map.of("n", 5))).isEmpty();
    }

    private List<ResponseError> costErrors(String document, int limit, boolean deep) {
        return costOf(document, Map.of("limit", limit, "deep", deep));
    }

    private List<ResponseError> costOf(String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = this.graphQl.document(document);
        variables.forEach(request::variable);
        List<ResponseError> errors = new java.util.ArrayList<>();
        request.execute().errors().satisfy(errors::addAll);
        return errors;
    }

    @Test
    void aHundredDuplicatedDirectives() {
        String directives = " @include(if: true)".repeat(100);
        assertThat(errorsOf("{ entity(id: \"person/alexander-trofimov\")" + directives + " { id } }")).singleElement()
            .satisfies((error) -> assertThat(error.getMessage())
                .startsWith("Query rejected: a field carries 100 directives"));
    }

    @Test
    void aLargeButReasonableRequestIsServed() {
        this.graphQl
            .document(
                    """
                            { neighborhood(id: "organization/international-justice-mission", depth: 2, limit: 500) {
                                truncated
                                nodes { id name sources { quote document { name } } relationships(first: 50) { type from { name } } }
                                relationships { type from { id } to { id } } } }
                            """)
            .execute()
            .path("neighborhood.nodes")
            .entityList(Object.class)
            .satisfies((nodes) -> assertThat(nodes).hasSizeGreaterThan(100));
    }

}
