package org.casegraph;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code casegraph.*}.
 *
 * @param dataDir where the embedded database keeps its files
 * @param database the Neo4j database to use (the server's default when empty)
 * @param embedded settings of the in-process Neo4j, used when {@code spring.neo4j.uri} is
 * not set
 * @param seed when to load {@code seed-data/}
 * @param transactionTimeout how long one database transaction may run
 */
@ConfigurationProperties("casegraph")
public record CaseGraphProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("") String database,
        @DefaultValue Embedded embedded, @DefaultValue Seed seed, @DefaultValue("10s") Duration transactionTimeout) {

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

    /**
     * @param mode {@code auto}: load into an empty embedded database; {@code always}:
     * merge the seed data into whatever database is configured (idempotent);
     * {@code never}
     * @param location where the seed files are, as a resource pattern
     */
    public record Seed(@DefaultValue("auto") SeedMode mode,
            @DefaultValue("classpath*:seed-data/*.yaml") String location) {
    }

    public enum SeedMode {

        AUTO, ALWAYS, NEVER

    }

}
