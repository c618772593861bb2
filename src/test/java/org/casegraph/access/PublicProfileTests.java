package org.casegraph.access;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code public} profile, for a service open to anyone: introspection is off, queries
 * still run; and GET, on by default, has its own switch.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "casegraph.graphql.get.enabled=false" })
@ActiveProfiles("public")
class PublicProfileTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> post(String document) throws Exception {
        String body = JsonMapper.builder().build().writeValueAsString(Map.of("query", document));
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void introspectionIsOffAndQueriesRun() throws Exception {
        String introspection = Files.readString(Path.of("src/test/resources/graphql-test/introspection.graphql"));
        assertThat(post(introspection).body()).doesNotContain("\"queryType\":{\"name\":\"Query\"}").contains("errors");
        assertThat(post("{ entity(id: \"person/marco-rubio\") { name } }").body()).contains("\"name\":\"Marco Rubio\"");
    }

    @Test
    void getCanBeSwitchedOff() throws Exception {
        String query = URLEncoder.encode("{ entity(id: \"person/marco-rubio\") { name } }", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql?query=" + query))
                .header("Accept", "application/json")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).doesNotContain("Marco Rubio");
    }

}
