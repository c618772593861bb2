package org.casegraph.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.importer.Progress.Phase;
import org.casegraph.record.EntityValidator;
import org.casegraph.record.RecordReader;
import org.casegraph.support.CaseGraphStartupException;
import org.casegraph.support.StartupFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Imports a folder of {@code entities.jsonl} and {@code relationships.jsonl} (one
 * seed-data record a line) into the database: validates every line by the seed loader's
 * rules first, streaming, and writes only if all are valid, in batches. Everything
 * written carries the import's {@code importId}; if a batch fails, what the import wrote
 * is removed again, so a failed import leaves the database as it was.
 */
@Component
public class BulkImport {

    public static final String ENTITIES = "entities.jsonl";

    public static final String RELATIONSHIPS = "relationships.jsonl";

    static final int LISTED_PROBLEMS = 50;

    /**
     * For removing a failed import, which may be millions of rows, in transactions of its
     * own.
     */
    private static final Duration UNDO_TIMEOUT = Duration.ofHours(6);

    private final Graph graph;

    private final RecordReader records;

    private final Vocabulary vocabulary;

    private final int batchSize;

    @Autowired
    BulkImport(Graph graph, Vocabulary vocabulary) {
        this(graph, vocabulary, 10_000);
    }

    BulkImport(Graph graph, Vocabulary vocabulary, int batchSize) {
        this.graph = graph;
        this.vocabulary = vocabulary;
        this.records = new RecordReader(new EntityValidator(vocabulary));
        this.batchSize = batchSize;
    }

    /** What an import wrote, and how long each part took. */
    public record Summary(String importId, long entities, long relationships, double validationSeconds,
            double writeSeconds) {
    }

    public Summary run(Path folder, Progress progress) {
        return run(folder, progress, LineOrigins.FILES);
    }

    /** The import of {@code folder}, whose lines come from {@code origins}. */
    Summary run(Path folder, Progress progress, LineOrigins origins) {
        Path entitiesFile = folder.resolve(ENTITIES);
        Path relationshipsFile = folder.resolve(RELATIONSHIPS);
        if (!Files.isDirectory(folder)) {
            throw new CaseGraphStartupException(
                    folder + " is not a folder; import reads " + ENTITIES + " and " + RELATIONSHIPS + " from a folder");
        }
        if (!Files.exists(entitiesFile) && !Files.exists(relationshipsFile)) {
            throw new CaseGraphStartupException(folder + " holds neither " + ENTITIES + " nor " + RELATIONSHIPS);
        }
        long started = System.nanoTime();
        ImportValidation validation = new ImportValidation(this.graph, this.vocabulary, this.records, this.batchSize,
                entitiesFile, relationshipsFile, progress, origins);
        validation.run();
        long validated = System.nanoTime();
        String importId = UUID.randomUUID().toString();
        ImportWrites writes = new ImportWrites(this.graph, this.records, this.batchSize, importId, validation, progress,
                origins);
        try {
            writes.entities(entitiesFile);
            writes.relationships(relationshipsFile);
        }
        catch (RuntimeException ex) {
            progress.update(Phase.UNDOING, 0, writes.written());
            undo(importId);
            progress.update(Phase.UNDOING, writes.written(), writes.written());
            throw new CaseGraphStartupException(
                    "writing failed at " + writes.position() + " (" + StartupFailure.describe(ex)
                            + "); removed what this import had written, the database is as it was",
                    ex);
        }
        progress.update(Phase.INDEXING, 0, 1);
        this.graph.schema("CALL db.awaitIndexes(3600)");
        progress.update(Phase.INDEXING, 1, 1);
        return new Summary(importId, writes.entities(), writes.relationships(), (validated - started) / 1e9,
                (System.nanoTime() - validated) / 1e9);
    }

    /**
     * Removes everything the import {@code importId} wrote, in transactions of 10,000
     * rows.
     */
    void undo(String importId) {
        this.graph.autoCommit("""
                MATCH (n:Entity {importId: $importId})
                CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
                """, Map.of("importId", importId), UNDO_TIMEOUT);
        // Relationships between entities that were there before: rarely any, but they
        // need a scan to find.
        this.graph.autoCommit("""
                MATCH ()-[r]->() WHERE r.importId = $importId
                CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
                """, Map.of("importId", importId), UNDO_TIMEOUT);
    }

}
