package org.casegraph.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.casegraph.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup holds more than entities and relationships: the alias of a merged entity, the
 * record of the merge, the audit trail and the API keys issued through the API come back
 * from a restore as they were, date-times as date-times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}" })
class GraphBackupTests {

    @Autowired
    Graph graph;

    @Autowired
    GraphBackup backup;

    @TempDir
    Path temp;

    @Test
    void aliasesMergeRecordsAuditEntriesAndKeysSurviveARestore() throws Exception {
        // The seed data's former ids are aliases too (an entity renamed or merged by a
        // review).
        long seedAliases = this.graph.single("MATCH (a:Alias) RETURN count(a) AS aliases", Map.of(),
                (r) -> r.get("aliases").asLong());
        assertThat(seedAliases).isPositive();
        this.graph.write((tx) -> tx.run("""
                MATCH (k:Entity {id: 'organization/international-justice-mission'})
                CREATE (:Alias {id: 'organization/ijm-duplicate'})-[:ALIAS_OF]->(k)
                CREATE (:MergeRecord {id: 'merge-1', keep: k.id, drop: 'organization/ijm-duplicate', undone: false})
                CREATE (:AuditEntry {at: datetime(), actor: 'key:editor', action: 'mergeEntities', target: k.id,
                                     before: '', after: '{}'})
                CREATE (:ApiKey {name: 'newsroom', role: 'journalist', sha256: 'abc', createdAt: datetime(),
                                 createdBy: 'key:admin', revoked: false})
                """).consume());
        Path first = this.temp.resolve("first.jsonl");
        GraphBackup.Summary before = this.backup.backup(first);
        assertThat(before.records()).isEqualTo(4 + seedAliases);

        this.graph
            .writeUnbounded((tx) -> tx.run("MATCH (n) WHERE NOT n:__CaseGraphMigration DETACH DELETE n").consume());
        GraphBackup.Summary restored = this.backup.restore(first);
        assertThat(restored).isEqualTo(before);

        Path second = this.temp.resolve("second.jsonl");
        assertThat(this.backup.backup(second)).isEqualTo(before);
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        Map<String, Object> row = this.graph.single("""
                MATCH (:Alias {id: 'organization/ijm-duplicate'})-[:ALIAS_OF]->(k:Entity)
                MATCH (a:AuditEntry {action: 'mergeEntities'}), (key:ApiKey {name: 'newsroom'})
                RETURN k.id AS kept, a.at.year AS auditYear, key.createdAt.year AS keyYear
                """, Map.of(), (r) -> r.asMap());
        assertThat(row.get("kept")).isEqualTo("organization/international-justice-mission");
        assertThat(row.get("auditYear")).as("the audit entry's time is a date-time again").isNotNull();
        assertThat(row.get("keyYear")).as("the key's creation time is a date-time again").isNotNull();
    }

}
