package org.casegraph.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.graph.Graph;
import org.casegraph.importer.Progress.Phase;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.EntityRow;
import org.casegraph.record.GraphWriter;
import org.casegraph.record.Origin;
import org.casegraph.record.RecordReader;
import org.casegraph.record.RelationshipRecord;
import org.casegraph.record.RelationshipRow;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * The second pass of an import, once every line is valid: the writes, in batches of new
 * nodes and relationships carrying the import's id, and where they have got to, for the
 * message if one fails.
 */
final class ImportWrites {

    /** Per batch; generous, as a batch of 10,000 waits for its share of a busy disk. */
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(10);

    private final Graph graph;

    private final RecordReader records;

    private final int batchSize;

    private final String importId;

    private final ImportValidation validation;

    private final Progress progress;

    private final LineOrigins origins;

    private long entities;

    private long relationships;

    private String position = "the start";

    ImportWrites(Graph graph, RecordReader records, int batchSize, String importId, ImportValidation validation,
            Progress progress, LineOrigins origins) {
        this.graph = graph;
        this.origins = origins;
        this.records = records;
        this.batchSize = batchSize;
        this.importId = importId;
        this.validation = validation;
        this.progress = progress;
    }

    long entities() {
        return this.entities;
    }

    long relationships() {
        return this.relationships;
    }

    long written() {
        return this.entities + this.relationships;
    }

    String position() {
        return this.position;
    }

    void entities(Path file) {
        List<EntityRow> rows = new ArrayList<>();
        int[] firstLine = { 0 };
        this.progress.update(Phase.WRITING_ENTITIES, 0, this.validation.entityCount());
        JsonLines.forEachLine(file, (number, text) -> {
            EntityRecord entity = this.records.entity(JsonLines.object(text), new Origin(file.toString(), number),
                    (field, message) -> changed(file, number), (index, field, message) -> changed(file, number));
            if (entity == null) {
                changed(file, number);
            }
            Map<String, Object> props = GraphWriter.nodeProperties(entity);
            provenance(props, file, number);
            if (rows.isEmpty()) {
                firstLine[0] = number;
            }
            rows.add(new EntityRow(entity.id(), entity.type(), props));
            if (rows.size() == this.batchSize) {
                writeEntities(file, firstLine[0], number, rows);
                rows.clear();
            }
        });
        if (!rows.isEmpty()) {
            writeEntities(file, firstLine[0], -1, rows);
        }
        this.progress.update(Phase.WRITING_ENTITIES, this.entities, this.validation.entityCount());
    }

    void relationships(Path file) {
        List<RelationshipRow> rows = new ArrayList<>();
        int[] firstLine = { 0 };
        this.progress.update(Phase.WRITING_RELATIONSHIPS, 0, this.validation.relationshipCount());
        JsonLines.forEachLine(file, (number, text) -> {
            RelationshipRecord relationship = this.records.relationship(JsonLines.object(text),
                    new Origin(file.toString(), number), this.validation::typeOf,
                    (field, message) -> changed(file, number), (index, field, message) -> changed(file, number));
            if (relationship == null) {
                changed(file, number);
            }
            Map<String, Object> props = GraphWriter.relationshipProperties(relationship);
            provenance(props, file, number);
            if (rows.isEmpty()) {
                firstLine[0] = number;
            }
            rows.add(new RelationshipRow(relationship.id(), relationship.type(), relationship.from(), relationship.to(),
                    props));
            if (rows.size() == this.batchSize) {
                writeRelationships(file, firstLine[0], number, rows);
                rows.clear();
            }
        });
        if (!rows.isEmpty()) {
            writeRelationships(file, firstLine[0], -1, rows);
        }
        this.progress.update(Phase.WRITING_RELATIONSHIPS, this.relationships, this.validation.relationshipCount());
    }

    /**
     * What every record of the import carries: the import's id, and the datasets it came
     * from if its origin names any.
     */
    private void provenance(Map<String, Object> props, Path file, int line) {
        props.put("importId", this.importId);
        List<String> datasets = this.origins.datasets(file, line);
        if (!datasets.isEmpty()) {
            props.put("importDatasets", datasets);
        }
    }

    private void writeEntities(Path file, int from, int to, List<EntityRow> rows) {
        this.position = lines(file, from, to);
        SummaryCounters counters = this.graph.write((tx) -> tx.run("""
                UNWIND $rows AS row
                CREATE (n:Entity) SET n = row.props, n:$(row.type)
                """, Map.of("rows", rows.stream().map(EntityRow::toParameters).toList())).consume().counters(),
                BATCH_TIMEOUT);
        this.entities += counters.nodesCreated();
        this.progress.update(Phase.WRITING_ENTITIES, this.entities, this.validation.entityCount());
    }

    private void writeRelationships(Path file, int from, int to, List<RelationshipRow> rows) {
        this.position = lines(file, from, to);
        SummaryCounters counters = this.graph.write((tx) -> {
            SummaryCounters created = tx.run("""
                    UNWIND $rows AS row
                    MATCH (a:Entity {id: row.from})
                    MATCH (b:Entity {id: row.to})
                    CREATE (a)-[r:$(row.type)]->(b) SET r = row.props
                    """, Map.of("rows", rows.stream().map(RelationshipRow::toParameters).toList()))
                .consume()
                .counters();
            if (created.relationshipsCreated() != rows.size()) {
                throw new IllegalStateException((rows.size() - created.relationshipsCreated())
                        + " relationships lost an endpoint after validation (deleted meanwhile?)");
            }
            return created;
        }, BATCH_TIMEOUT);
        this.relationships += counters.relationshipsCreated();
        this.progress.update(Phase.WRITING_RELATIONSHIPS, this.relationships, this.validation.relationshipCount());
    }

    private static String lines(Path file, int from, int to) {
        return file + (to < 0 ? ":" + from + " and after" : " lines " + from + "–" + to);
    }

    private static void changed(Path file, int line) {
        throw new IllegalStateException(file + ":" + line + " changed since it was validated");
    }

}
