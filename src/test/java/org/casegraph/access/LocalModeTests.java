package org.casegraph.access;

import java.util.List;
import java.util.Map;

import org.casegraph.support.GraphQlHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development without an identity provider: requests from this machine act with the
 * configured role.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "casegraph.embedded.bolt-port=0",
        "casegraph.data-dir=target/test-data/${random.uuid}", "casegraph.local-mode.role=editor" })
class LocalModeTests {

    @LocalServerPort
    int port;

    @Test
    void aLocalRequestActsAsTheConfiguredRole() throws Exception {
        Map<String, Object> response = new GraphQlHttp(this.port).post(null,
                "mutation($input: CreateEntityInput!) { createEntity(input: $input) { version } }",
                Map.of("input", Map.of("id", "person/local-write", "type", "Person", "name", "Local Write", "sources",
                        List.of(Map.of("document", "document/the-current-trofimov-arrest-order", "quote", "IJM")))));
        assertThat(response.get("errors")).as(response.toString()).isNull();
        assertThat(response.toString()).contains("version=1");
    }

}
