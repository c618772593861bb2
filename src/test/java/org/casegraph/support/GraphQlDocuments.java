package org.casegraph.support;

import java.time.Duration;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs GraphQL documents over HTTP with {@link HttpGraphQlTester}, as a caller with an
 * API key (or none), for tests that need the web layer (keys, roles, interceptors). A
 * document is named as under {@code src/test/resources/graphql-test/}, like the query
 * tests' documents. The answer is the whole response, data and errors, as a map, so that
 * a test asserts on an error as readily as on data.
 */
public final class GraphQlDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpGraphQlTester tester;

    public GraphQlDocuments(int port) {
        // Writes wait for each other's locks: more than WebTestClient's five seconds when
        // the machine is busy.
        this.tester = HttpGraphQlTester.create(WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port + "/graphql")
            .responseTimeout(Duration.ofMinutes(1))
            .build());
    }

    /** Runs document {@code name}; {@code key} may be null for an anonymous caller. */
    public Map<String, Object> run(String key, String name, Map<String, Object> variables) {
        return answer(as(key).documentName(name).variables(variables));
    }

    /**
     * Runs a document given as text: a request no client keeps in a file (a field the
     * schema does not have), or one of a test's many reads written per record and role.
     */
    public Map<String, Object> runText(String key, String document, Map<String, Object> variables) {
        return answer(as(key).document(document).variables(variables));
    }

    /** The answer to document {@code name} as the JSON text a client reads. */
    public String text(String key, String name, Map<String, Object> variables) {
        return JSON.writeValueAsString(run(key, name, variables));
    }

    /** The same for a document given as text. */
    public String textOf(String key, String document, Map<String, Object> variables) {
        return JSON.writeValueAsString(runText(key, document, variables));
    }

    /**
     * Runs mutation {@code name}, which takes {@code $input}, failing the test when it
     * answers with an error.
     */
    public String mutate(String key, String name, Map<String, Object> input) {
        String response = text(key, name, Map.of("input", input));
        assertThat(response).as(response).doesNotContain("\"errors\"");
        return response;
    }

    private static Map<String, Object> answer(GraphQlTester.Request<?> request) {
        return request.execute().returnResponse().toMap();
    }

    private HttpGraphQlTester as(String key) {
        return (key == null || key.isEmpty()) ? this.tester : this.tester.mutate().header("X-API-Key", key).build();
    }

}
