package org.casegraph.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the in-process Neo4j, used when {@code spring.neo4j.uri} is not set.
 *
 * @param dataDir where the embedded database keeps its files ({@code casegraph.data-dir})
 * @param embedded its memory and port ({@code casegraph.embedded.*})
 * @param transactionTimeout how long one database transaction may run
 * ({@code casegraph.transaction-timeout}, which the driver applies too)
 */
@ConfigurationProperties("casegraph")
public record EmbeddedNeo4jProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Embedded embedded,
        @DefaultValue("10s") Duration transactionTimeout) {

    /**
     * @param boltPort the loopback Bolt port of the embedded database; 0 picks any free
     * port
     * @param pageCache the page cache size, e.g. {@code 64m}
     * @param transactionMemory the most memory all transactions together may use, e.g.
     * {@code 128m}
     */
    public record Embedded(@DefaultValue("7687") int boltPort, @DefaultValue("64m") String pageCache,
            @DefaultValue("96m") String transactionMemory) {
    }

}
