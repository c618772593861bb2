package org.casegraph.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.casegraph.CaseGraphTest;
import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP side of the API, as any client sees it.
 */
@CaseGraphTest
class GraphQlOverHttpTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String query, String variables) throws Exception {
        return get(query, variables, "application/graphql-response+json");
    }

    private HttpResponse<String> get(String query, String variables, String accept) throws Exception {
        return new GraphQlHttp(this.port).get(null, query, variables, accept);
    }

    @Test
    void queriesWorkOverGet() throws Exception {
        HttpResponse<String> response = get("query($id: ID!) { entity(id: $id) { name } }",
                "{\"id\": \"person/marco-rubio\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":{\"entity\":{\"name\":\"Marco Rubio\"}}}");
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/graphql-response+json"));
    }

    @Test
    void anInvalidQueryOverGetIsAnsweredAsOverPost() throws Exception {
        HttpResponse<String> graphQlResponse = get("{ nosuchfield }", null);
        assertThat(graphQlResponse.statusCode()).isEqualTo(400);
        assertThat(graphQlResponse.body()).contains("nosuchfield");
        HttpResponse<String> json = get("{ nosuchfield }", null, "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
        assertThat(json.body()).contains("nosuchfield");
    }

    @Test
    void mutationsNeverWorkOverGet() throws Exception {
        HttpResponse<String> response = get("mutation { retract(id: \"person/marco-rubio\") }", null);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void malformedVariablesAreABadRequest() throws Exception {
        HttpResponse<String> response = get("{ __typename }", "[1, 2]");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'variables' and 'extensions' must be JSON objects");
    }

    @Test
    void healthAndGraphiql() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body())
            .containsPattern("\"graph\":\\{\"details\":\\{\"entities\":[1-9]\\d+\\},\"status\":\"UP\"\\}");
        HttpResponse<String> graphiql = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphiql")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(graphiql.statusCode()).isEqualTo(200);
        assertThat(graphiql.body()).containsIgnoringCase("graphiql");
    }

}
