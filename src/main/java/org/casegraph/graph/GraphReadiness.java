package org.casegraph.graph;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP only once the schema is migrated and the data is loaded, and while the database
 * answers.
 */
@Component("graphHealthIndicator")
public class GraphReadiness implements HealthIndicator {

    private final AtomicBoolean ready = new AtomicBoolean();

    private final Graph graph;

    GraphReadiness(Graph graph) {
        this.graph = graph;
    }

    public void markReady() {
        this.ready.set(true);
    }

    @Override
    public Health health() {
        if (!this.ready.get()) {
            return Health.down().withDetail("reason", "schema or seed data not loaded yet").build();
        }
        try {
            long entities = this.graph.single("MATCH (n:Entity) RETURN count(n) AS entities", java.util.Map.of(),
                    (r) -> r.get("entities").asLong());
            return Health.up().withDetail("entities", entities).build();
        }
        catch (RuntimeException ex) {
            return Health.down().withDetail("reason", "database not answering").build();
        }
    }

}
