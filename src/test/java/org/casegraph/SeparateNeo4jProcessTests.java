package org.casegraph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.casegraph.entity.EntityApiTests;
import org.casegraph.graph.Graph;
import org.casegraph.support.GraphQlHttp;
import org.casegraph.search.SearchApiTests;
import org.casegraph.support.Neo4jServerProcess;
import org.casegraph.timeline.TimelineApiTests;
import org.casegraph.trace.TraceApiTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API suites against a separate Neo4j server reached by {@code --spring.neo4j.uri},
 * as in production, on any machine: the server is the embedded DBMS in a JVM of its own
 * ({@link Neo4jServerProcess}), so nothing embedded starts in the application and the
 * seed data is loaded with the documented switch. {@link ExternalNeo4jTests} does the
 * same against the Neo4j image where Docker runs. {@link ReadYourWrites} proves that a
 * read sees the write of the request before it, through the driver's bookmarks.
 */
class SeparateNeo4jProcessTests {

    private static Neo4jServerProcess server;

    @DynamicPropertySource
    static synchronized void external(DynamicPropertyRegistry properties) {
        if (server == null) {
            server = Neo4jServerProcess.start(Path.of("target", "test-data", "neo4j-server-" + UUID.randomUUID()),
                    Duration.ofMinutes(3));
        }
        properties.add("spring.neo4j.uri", server::boltUri);
        properties.add("casegraph.seed.mode", () -> "always");
        // The server's JVM starts cold and shares the cores with this one: its first
        // plans of each statement may
        // take longer than the 10 s a request's transaction gets in production.
        properties.add("casegraph.transaction-timeout", () -> "60s");
        properties.add("casegraph.api-keys[0].name", () -> "test-editor");
        properties.add("casegraph.api-keys[0].sha256",
                () -> "c775c8bb6fb82a3d621a65317d75f9336adfb3d7f86b39d3af67dd176e8a5889");
        properties.add("casegraph.api-keys[0].role", () -> "editor");
    }

    // No @AfterAll stop: the application context outlives this class in the test context
    // cache. The child stops
    // when the test JVM ends, since its standard input closes then.

    /**
     * A write in one request, read in the next: each request its own session, chained by
     * the bookmarks.
     */
    @Nested
    @CaseGraphTest
    class ReadYourWrites {

        private static final String CREATE = """
                mutation($input: CreateEntityInput!) { createEntity(input: $input) { version entity { id name } } }
                """;

        private static final String UPDATE = """
                mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version entity { id name } } }
                """;

        private static final String READ = "query($id: ID!) { entity(id: $id) { name } }";

        @LocalServerPort
        int port;

        @Autowired
        Graph graph;

        @Test
        void aReadAfterAWriteSeesItAndWaitsForItsBookmark() throws Exception {
            GraphQlHttp http = new GraphQlHttp(this.port);
            String id = "person/read-your-writes-" + UUID.randomUUID();
            Set<Bookmark> before = this.graph.bookmarks();
            Map<String, Object> created = http.post("test-editor-key", CREATE,
                    Map.of("input",
                            Map.of("id", id, "type", "Person", "name", "Written Once", "sources",
                                    List.of(Map.of("document", "document/the-current-trofimov-arrest-order", "quote",
                                            "the Cambodian government ordered the arrest")))));
            assertThat(created).as(String.valueOf(created)).doesNotContainKey("errors");
            Object version = ((Map<?, ?>) ((Map<?, ?>) created.get("data")).get("createEntity")).get("version");
            Set<Bookmark> afterWrite = this.graph.bookmarks();
            assertThat(afterWrite).as("the write's bookmark, for the next transaction to wait for")
                .isNotEmpty()
                .isNotEqualTo(before);
            assertThat(http.post(null, READ, Map.of("id", id)).toString()).contains("Written Once");
            Map<String, Object> updated = http.post("test-editor-key", UPDATE,
                    Map.of("input", Map.of("id", id, "expectedVersion", version, "name", "Written Twice")));
            assertThat(updated).as(String.valueOf(updated)).doesNotContainKey("errors");
            assertThat(this.graph.bookmarks()).isNotEqualTo(afterWrite);
            assertThat(http.post(null, READ, Map.of("id", id)).toString()).contains("Written Twice");
        }

    }

    @Nested
    class Entities extends EntityApiTests {

    }

    @Nested
    class Search extends SearchApiTests {

    }

    @Nested
    class Traces extends TraceApiTests {

    }

    @Nested
    class Timelines extends TimelineApiTests {

    }

}
