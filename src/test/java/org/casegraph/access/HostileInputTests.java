package org.casegraph.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.casegraph.CaseGraphTest;
import org.casegraph.graph.Graph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text a client sends, the answer is results or a validation error, never an
 * internal error, and no text changes what a query does.
 */
@CaseGraphTest
class HostileInputTests {

    private static final String[] PIECES = { "\"", "'", "\\", "(", ")", "[", "]", "{", "}", ":", "*", "?", "~", "^",
            "!", "+", "-", "&&", "||", "/", " AND ", " OR ", " NOT ", " TO ", "Trofimov", "IJM", "Cambodia", " ", "é",
            "ß", "\t", "`", "$", "//", ";", "0", "2011", "\u0000", "\uD83D\uDE00" };

    private static final List<String> INJECTIONS = List.of("x' OR 1=1 //", "x\"}) MATCH (n) DETACH DELETE n //",
            "`) DETACH DELETE n //", "person/alexander-trofimov'}) RETURN 1 UNION MATCH (n) DETACH DELETE n //", "*:*",
            "\\\" OR name:*", "$id", "{id}", "x\u0000y");

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Graph graph;

    @Test
    void searchSurvivesGeneratedText() {
        Random random = new Random(20261126);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder query = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int p = 0; p < pieces; p++) {
                query.append(PIECES[random.nextInt(PIECES.length)]);
            }
            List<ResponseError> errors = new ArrayList<>();
            this.graphQl.documentName("search")
                .variable("query", query.toString())
                .execute()
                .errors()
                .satisfy(errors::addAll);
            for (ResponseError error : errors) {
                if (error.getErrorType() != ErrorType.BAD_REQUEST) {
                    failures.add(query + " -> " + error.getErrorType() + ": " + error.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void injectionThroughEveryStringArgumentChangesNothing() {
        long before = count();
        List<String> failures = new ArrayList<>();
        for (String payload : INJECTIONS) {
            List<Map.Entry<String, Map<String, Object>>> requests = List.of(
                    Map.entry("query($v: ID!) { entity(id: $v) { id } node(id: $v) { id } }", Map.of("v", payload)),
                    Map.entry("query($v: String!) { search(query: $v) { totalCount } }", Map.of("v", payload)),
                    Map.entry("query($v: ID!) { neighborhood(id: $v) { truncated } }", Map.of("v", payload)),
                    Map.entry(
                            "query($v: [String!]) { neighborhood(id: \"person/alexander-trofimov\", relationshipTypes: $v) { truncated } }",
                            Map.of("v", List.of(payload))),
                    Map.entry("query($v: ID!) { paths(fromId: $v, toId: \"person/marco-rubio\") { length } }",
                            Map.of("v", payload)),
                    Map.entry(
                            "query($v: [ID!]) { paths(fromId: \"person/alexander-trofimov\", toId: \"person/marco-rubio\", excludeIds: $v) { length } }",
                            Map.of("v", List.of(payload))),
                    Map.entry("query($v: [String!]) { search(query: \"IJM\", types: $v) { totalCount } }",
                            Map.of("v", List.of(payload))),
                    Map.entry("query($v: ID) { timeline(entityId: $v) { edges { cursor } } }", Map.of("v", payload)),
                    Map.entry("query($v: String) { timeline(after: $v) { edges { cursor } } }", Map.of("v", payload)),
                    Map.entry("query($v: [ID!]!) { commonConnections(ids: $v) { node { id } } }",
                            Map.of("v", List.of(payload, "person/marco-rubio"))),
                    Map.entry(
                            "query($v: ID) { entity(id: \"person/alexander-trofimov\") { ... on Person { legalStatus(caseId: $v) { status } } } }",
                            Map.of("v", payload)));
            for (Map.Entry<String, Map<String, Object>> request : requests) {
                GraphQlTester.Request<?> call = this.graphQl.document(request.getKey());
                for (Map.Entry<String, Object> variable : request.getValue().entrySet()) {
                    call = call.variable(variable.getKey(), variable.getValue());
                }
                List<ResponseError> errors = new ArrayList<>();
                call.execute().errors().satisfy(errors::addAll);
                errors.stream()
                    .filter((error) -> error.getErrorType() != ErrorType.BAD_REQUEST
                            && !"ValidationError".equals(String.valueOf(error.getErrorType())))
                    .forEach((error) -> failures
                        .add(request.getKey() + " with " + payload + " -> " + error.getErrorType()));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void errorsNameTheProblemAndNothingInternal() {
        List<ResponseError> errors = new ArrayList<>();
        this.graphQl.document(
                "{ neighborhood(id: \"nobody\", depth: 9) { truncated } timeline(from: \"yesterday\") { edges { cursor } } }")
            .execute()
            .errors()
            .satisfy(errors::addAll);
        assertThat(errors).isNotEmpty()
            .allSatisfy((error) -> assertThat(error.getMessage()).doesNotContainIgnoringCase("exception")
                .doesNotContain("org.", "java.", "MATCH", "neo4j", "\tat "));
    }

    private long count() {
        return this.graph.single("MATCH (n) RETURN count(n) AS n", Map.of(), (r) -> r.get("n").asLong());
    }

}
