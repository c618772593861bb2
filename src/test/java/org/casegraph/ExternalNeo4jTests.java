package org.casegraph;

import org.casegraph.entity.EntityApiTests;
import org.casegraph.graph.GraphIntegrityTests;
import org.casegraph.search.SearchApiTests;
import org.casegraph.timeline.TimelineApiTests;
import org.casegraph.trace.TraceApiTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same GraphQL suite against a separate Neo4j server, as in production: nothing
 * embedded starts, and the seed data is loaded with the documented switch. Runs wherever
 * Docker does; skipped cleanly elsewhere.
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
class ExternalNeo4jTests {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26").withAdminPassword("casegraph-test");

    @DynamicPropertySource
    static void external(DynamicPropertyRegistry properties) {
        properties.add("spring.neo4j.uri", NEO4J::getBoltUrl);
        properties.add("spring.neo4j.authentication.username", () -> "neo4j");
        properties.add("spring.neo4j.authentication.password", NEO4J::getAdminPassword);
        properties.add("casegraph.seed.mode", () -> "always");
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

    @Nested
    class Integrity extends GraphIntegrityTests {

    }

}
