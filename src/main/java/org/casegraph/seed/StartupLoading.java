package org.casegraph.seed;

import java.util.Map;

import org.casegraph.graph.Graph;
import org.casegraph.graph.GraphReadiness;
import org.casegraph.graph.Neo4jConnectionProperties;
import org.casegraph.graph.SchemaMigrations;
import org.casegraph.seed.SeedProperties.SeedMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Migrates the schema and loads the seed data while the context starts, before the web
 * server opens its port, so no request ever sees a half-loaded graph.
 */
@Component
class StartupLoading implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StartupLoading.class);

    private final SchemaMigrations migrations;

    private final SeedLoader seedLoader;

    private final Graph graph;

    private final GraphReadiness readiness;

    private final SeedMode mode;

    private final boolean external;

    StartupLoading(SchemaMigrations migrations, SeedLoader seedLoader, Graph graph, GraphReadiness readiness,
            SeedProperties properties, Neo4jConnectionProperties connection) {
        this.migrations = migrations;
        this.seedLoader = seedLoader;
        this.graph = graph;
        this.readiness = readiness;
        this.mode = properties.mode();
        this.external = connection.external();
    }

    @Override
    public void afterSingletonsInstantiated() {
        // Validate even when not loading, so a broken seed-data folder never goes
        // unnoticed. Read first: it needs no database, so on a first start it is done
        // while the embedded database is still starting.
        SeedData data = this.seedLoader.read();
        this.migrations.apply();
        boolean empty = this.mode == SeedMode.AUTO && !this.external && this.graph.holdsNoEntity();
        // A database without entities holds no seed record a data migration corrected.
        boolean refresh = !empty && refreshRequested();
        boolean load = switch (this.mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> empty || refresh;
        };
        if (load) {
            if (refresh) {
                log.info("A data migration corrected the seed records; writing the corrected seed data over them");
            }
            this.seedLoader.load(data);
        }
        else {
            log.info("Seed data not loaded (casegraph.seed.mode={}{})", this.mode.name().toLowerCase(),
                    this.mode == SeedMode.AUTO ? (this.external ? ", external database" : ", database not empty") : "");
        }
        if (load && refresh) {
            this.graph.schema("MATCH (m:__CaseGraphMigration) WHERE m.seedRefresh REMOVE m.seedRefresh");
        }
        this.readiness.markReady();
    }

    /**
     * Whether a data migration (such as V0006, the review's corrections) asked for the
     * seed data to be written again, on a database that holds seed data: it then updates
     * the seed records it corrected in place.
     */
    private boolean refreshRequested() {
        return this.graph.single("""
                RETURN EXISTS { MATCH (m:__CaseGraphMigration) WHERE m.seedRefresh }
                   AND EXISTS { MATCH (d:Document) WHERE d.seedFile IS NOT NULL } AS refresh
                """, Map.of(), (r) -> r.get("refresh").asBoolean());
    }

}
