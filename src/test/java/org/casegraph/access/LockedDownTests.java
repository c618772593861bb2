package org.casegraph.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production configuration: only trusted documents run, and introspection is off.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "casegraph.trusted-documents.enabled=true",
                "casegraph.trusted-documents.location=classpath:graphql-test/*.graphql",
                "spring.graphql.schema.introspection.enabled=false" })
class LockedDownTests {

    @LocalServerPort
    int port;

    private String post(String document, Map<String, Object> variables) throws Exception {
        String body = JsonMapper.builder()
            .build()
            .writeValueAsString(Map.of("query", document, "variables", variables));
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString())
            .body();
    }

    @Test
    void aTrustedDocumentRuns() throws Exception {
        String document = Files.readString(Path.of("src/test/resources/graphql-test/node.graphql"));
        assertThat(post(document, Map.of("id", "person/marco-rubio"))).contains("\"name\":\"Marco Rubio\"");
        // White space does not matter.
        assertThat(post(document.replace("\n", "\n\n  "), Map.of("id", "person/marco-rubio"))).contains("Marco Rubio");
    }

    @Test
    void anyOtherDocumentIsRefused() throws Exception {
        assertThat(post("{ entity(id: \"person/marco-rubio\") { name } }", Map.of()))
            .contains("This server runs only trusted documents, and this one is not on its allow-list")
            .contains("\"classification\":\"FORBIDDEN\"")
            .doesNotContain("Marco Rubio");
    }

    @Test
    void introspectionCanBeSwitchedOff() throws Exception {
        String document = Files.readString(Path.of("src/test/resources/graphql-test/introspection.graphql"));
        assertThat(post(document, Map.of())).doesNotContain("\"queryType\":{\"name\":\"Query\"}").contains("errors");
    }

}
