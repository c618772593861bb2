package org.casegraph.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new database runs of the migrations: their schema statements, not the data
 * statements that correct records it does not hold.
 */
class SchemaMigrationsTests {

    @Test
    void indexesAndConstraintsAreSchemaStatementsAndTheRestIsData() {
        assertThat(List.of("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
                "create index event_date if not exists for (n:Event) on (n.date)",
                "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS\nFOR (n:Person) ON EACH [n.name]",
                "DROP INDEX event_date IF EXISTS", "DROP CONSTRAINT api_key_name"))
            .allMatch(SchemaMigrations::isSchema);
        assertThat(List.of("MATCH (e:Event) WHERE e.date IS NOT NULL SET e.sortKey = e.date",
                "UNWIND [1] AS x MATCH (n:Entity {id: x}) DETACH DELETE n",
                "MERGE (m:__CaseGraphMigration {version: 6})", "CREATE (n:Entity {id: 'person/x'})",
                "MATCH (n) CREATE INDEX"))
            .noneMatch(SchemaMigrations::isSchema);
    }

    @Test
    void theReviewCorrectionsAreDataOnlyAndTheFirstMigrationsSchemaOnly() {
        List<SchemaMigrations.Migration> migrations = SchemaMigrations.load();
        assertThat(migrations.subList(0, 5))
            .allSatisfy((migration) -> assertThat(migration.statements()).as("V%04d", migration.version())
                .allMatch(SchemaMigrations::isSchema));
        assertThat(migrations.get(5).description()).isEqualTo("review_corrections");
        assertThat(migrations.get(5).statements()).noneMatch(SchemaMigrations::isSchema);
    }

}
