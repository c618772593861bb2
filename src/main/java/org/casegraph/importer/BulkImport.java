package org.casegraph.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.casegraph.access.SensitiveFields;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.importer.Progress.Phase;
import org.casegraph.record.EntityValidator;
import org.casegraph.record.GraphWriter;
import org.casegraph.record.RecordReader;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.Origin;
import org.casegraph.record.RelationshipRecord;
import org.casegraph.record.VictimGroupRule;
import org.casegraph.support.CaseGraphStartupException;
import org.casegraph.support.StartupFailure;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

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

    private static final int ENTITIES_FILE = 0;

    private static final int RELATIONSHIPS_FILE = 1;

    /** Per batch; generous, as a batch of 10,000 waits for its share of a busy disk. */
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(10);

    /**
     * For removing a failed import, which may be millions of rows, in transactions of its
     * own.
     */
    private static final Duration UNDO_TIMEOUT = Duration.ofHours(6);

    private final Graph graph;

    private final RecordReader records;

    private final Vocabulary vocabulary;

    private final JsonMapper json = JsonMapper.builder().build();

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
        Validation validation = new Validation(entitiesFile, relationshipsFile, progress);
        validation.run();
        long validated = System.nanoTime();
        String importId = UUID.randomUUID().toString();
        Writes writes = new Writes(importId, validation, progress);
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
        return new Summary(importId, writes.entities, writes.relationships, (validated - started) / 1e9,
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

    /**
     * An entity of the import files (line > 0) or of the database (line 0): its type, and
     * what the victim group rule needs to know of it (kept small: there may be millions).
     */
    private record Known(String type, int line, boolean smallGroup, VictimGroupRule.Detail detail) {

        static Known of(String type, int line, Map<String, Object> properties) {
            VictimGroupRule.End end = VictimGroupRule.End.of(null, type, properties);
            return new Known(type, line, end.smallGroup(), end.detail());
        }

        VictimGroupRule.End end(String id) {
            return new VictimGroupRule.End(id, this.type, this.smallGroup, this.detail);
        }

    }

    /** A parsed line. */
    private record Line(int number, Map<String, Object> fields) {
    }

    /**
     * A relationship whose id was seen before, or whose hash was: confirmed once the file
     * is read.
     */
    private record Suspect(String id, int line) {
    }

    /**
     * One pass over each file, in chunks, with one database look-up per chunk for ids not
     * in the files.
     */
    private final class Validation {

        private final Path entitiesFile;

        private final Path relationshipsFile;

        private final Progress progress;

        private final ImportProblems problems = new ImportProblems(LISTED_PROBLEMS);

        private final Map<String, Known> entities = new HashMap<>();

        /** The entities already in the database that the files refer to. */
        private final Map<String, Known> existing = new HashMap<>();

        /**
         * Documents cited before the files define them (or don't): document id to the
         * lines citing it.
         */
        private final Map<String, List<Integer>> pendingDocuments = new HashMap<>();

        private final List<Suspect> suspects = new ArrayList<>();

        private final boolean databaseEmpty;

        private final long relationshipLines;

        private final long totalLines;

        private long linesRead;

        private long entityCount;

        private long relationshipCount;

        Validation(Path entitiesFile, Path relationshipsFile, Progress progress) {
            this.entitiesFile = entitiesFile;
            this.relationshipsFile = relationshipsFile;
            this.progress = progress;
            this.relationshipLines = countLines(relationshipsFile);
            this.totalLines = countLines(entitiesFile) + this.relationshipLines;
            this.databaseEmpty = BulkImport.this.graph.single("""
                    CALL { MATCH (n:Entity) RETURN count(n) AS entities }
                    CALL { MATCH (a:Alias) RETURN count(a) AS aliases }
                    RETURN entities + aliases = 0 AS empty
                    """, Map.of(), (r) -> r.get("empty").asBoolean());
        }

        void run() {
            this.progress.update(Phase.VALIDATING, 0, this.totalLines);
            IdHashes relationshipIds = new IdHashes(this.relationshipLines);
            chunks(ENTITIES_FILE, this.entitiesFile, this::entities);
            this.pendingDocuments.forEach((doc, lines) -> {
                Known document = this.entities.get(doc);
                String message = RecordReader.documentProblem(doc, document == null ? null : document.type());
                if (message != null) {
                    lines.forEach((line) -> problem(ENTITIES_FILE, line, message));
                }
            });
            chunks(RELATIONSHIPS_FILE, this.relationshipsFile, (chunk) -> relationships(chunk, relationshipIds));
            confirmDuplicates();
            this.progress.update(Phase.VALIDATING, this.totalLines, this.totalLines);
            if (this.problems.count() > 0) {
                throw new ImportException(this.problems.listed(), this.problems.count());
            }
        }

        String typeOf(String id) {
            Known known = known(id);
            return known == null ? null : known.type();
        }

        private Known known(String id) {
            Known known = this.entities.get(id);
            return known != null ? known : this.existing.get(id);
        }

        private void problem(int file, int line, String message) {
            this.problems.add(file, name(file), line, message);
        }

        private String name(int file) {
            return (file == ENTITIES_FILE ? this.entitiesFile : this.relationshipsFile).toString();
        }

        private interface ChunkHandler {

            void handle(List<Line> chunk);

        }

        private void chunks(int file, Path path, ChunkHandler handler) {
            List<Line> chunk = new ArrayList<>();
            long before = this.linesRead;
            this.linesRead += forEachLine(path, (number, text) -> {
                try {
                    chunk.add(new Line(number, object(text)));
                }
                catch (IllegalArgumentException ex) {
                    problem(file, number, ex.getMessage());
                }
                if (chunk.size() == BulkImport.this.batchSize) {
                    handler.handle(List.copyOf(chunk));
                    chunk.clear();
                    this.progress.update(Phase.VALIDATING, before + number, this.totalLines);
                }
            });
            handler.handle(chunk);
            this.progress.update(Phase.VALIDATING, this.linesRead, this.totalLines);
        }

        private void entities(List<Line> chunk) {
            Set<String> lookUp = new HashSet<>();
            for (Line line : chunk) {
                if (line.fields().get("id") instanceof String id && !this.databaseEmpty) {
                    lookUp.add(id);
                }
                lookUp.addAll(unknownDocuments(line.fields()));
            }
            Map<String, Existing> found = lookUp(lookUp);
            for (Line line : chunk) {
                Origin origin = new Origin(name(ENTITIES_FILE), line.number());
                EntityRecord entity = BulkImport.this.records.entity(line.fields(), origin,
                        (field, message) -> problem(ENTITIES_FILE, line.number(), message),
                        citations(ENTITIES_FILE, line.number()));
                if (entity == null || entity.id() == null) {
                    continue;
                }
                this.entityCount++;
                Existing there = found.get(entity.id());
                if (there != null) {
                    problem(ENTITIES_FILE, line.number(),
                            there.mergedInto() == null
                                    ? "id '" + entity.id()
                                            + "' already exists in the database; an import only adds new entities"
                                    : "id '" + entity.id() + "' is the old id of '" + there.mergedInto()
                                            + "', merged into it; an import only adds new entities");
                }
                String type = BulkImport.this.vocabulary.entityType(entity.type()).name();
                Known earlier = this.entities.putIfAbsent(entity.id(),
                        Known.of(type, line.number(), entity.properties()));
                if (earlier != null) {
                    problem(ENTITIES_FILE, line.number(), "duplicate id '" + entity.id() + "', already defined at "
                            + name(ENTITIES_FILE) + ":" + earlier.line());
                }
            }
        }

        private void relationships(List<Line> chunk, IdHashes relationshipIds) {
            Set<String> lookUp = new HashSet<>();
            for (Line line : chunk) {
                for (String end : List.of("from", "to")) {
                    if (line.fields().get(end) instanceof String id && typeOf(id) == null) {
                        lookUp.add(id);
                    }
                }
                lookUp.addAll(unknownDocuments(line.fields()));
            }
            lookUp(lookUp);
            List<Map<String, Object>> betweenExisting = new ArrayList<>();
            for (Line line : chunk) {
                Origin origin = new Origin(name(RELATIONSHIPS_FILE), line.number());
                RelationshipRecord relationship = BulkImport.this.records.relationship(line.fields(), origin,
                        this::typeOf, (field, message) -> problem(RELATIONSHIPS_FILE, line.number(), message),
                        citations(RELATIONSHIPS_FILE, line.number()));
                if (relationship == null) {
                    continue;
                }
                this.relationshipCount++;
                VictimGroupRule.checkLink(relationship.type(), known(relationship.from()).end(relationship.from()),
                        known(relationship.to()).end(relationship.to()), relationship.properties(),
                        RecordReader.quotes(line.fields().get("sources")),
                        (field, quote, message) -> problem(RELATIONSHIPS_FILE, line.number(), message));
                if (!relationshipIds.add(relationship.id())) {
                    this.suspects.add(new Suspect(relationship.id(), line.number()));
                }
                if (!this.entities.containsKey(relationship.from()) && !this.entities.containsKey(relationship.to())) {
                    betweenExisting.add(Map.of("from", relationship.from(), "to", relationship.to(), "id",
                            relationship.id(), "line", line.number()));
                }
            }
            if (!betweenExisting.isEmpty()) {
                BulkImport.this.graph.query("""
                        UNWIND $rows AS row
                        MATCH (:Entity {id: row.from})-[r {id: row.id}]->(:Entity {id: row.to})
                        RETURN DISTINCT row.line AS line, row.id AS id
                        """, Map.of("rows", betweenExisting), (r) -> {
                    problem(RELATIONSHIPS_FILE, r.get("line").asInt(), "relationship '" + r.get("id").asString()
                            + "' already exists in the database; an import only adds new relationships");
                    return null;
                });
            }
        }

        /**
         * Citation problems at the line; documents checked now if known, else once all
         * entities are read.
         */
        private RecordReader.Citations citations(int file, int line) {
            return new RecordReader.Citations() {

                @Override
                public void problem(int index, String field, String message) {
                    Validation.this.problem(file, line, message);
                }

                @Override
                public void cited(int index, Citation citation) {
                    String type = typeOf(citation.document());
                    if (type == null && file == ENTITIES_FILE) {
                        Validation.this.pendingDocuments
                            .computeIfAbsent(citation.document(), (doc) -> new ArrayList<>())
                            .add(line);
                        return;
                    }
                    String problem = RecordReader.documentProblem(citation.document(), type);
                    if (problem != null) {
                        Validation.this.problem(file, line, problem);
                    }
                }

            };
        }

        private Set<String> unknownDocuments(Map<String, Object> fields) {
            if (this.databaseEmpty || !(fields.get("sources") instanceof List<?> sources)) {
                return Set.of();
            }
            Set<String> documents = new HashSet<>();
            for (Object source : sources) {
                if (source instanceof Map<?, ?> citation && citation.get("doc") instanceof String doc
                        && typeOf(doc) == null) {
                    documents.add(doc);
                }
            }
            return documents;
        }

        private record Existing(String type, String mergedInto) {
        }

        /** Looks ids up in the database; remembers the types of the entities found. */
        private Map<String, Existing> lookUp(Set<String> ids) {
            if (ids.isEmpty() || this.databaseEmpty) {
                return Map.of();
            }
            Map<String, Existing> found = new HashMap<>();
            BulkImport.this.graph.query("""
                    UNWIND $ids AS id
                    OPTIONAL MATCH (n:Entity {id: id})
                    OPTIONAL MATCH (:Alias {id: id})-[:ALIAS_OF]->(k:Entity)
                    WITH id, n, k WHERE n IS NOT NULL OR k IS NOT NULL
                    RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, k.id AS mergedInto,
                      n {.count, .countQualifier, .date, .endDate, .kind, .sensitiveValues} AS facts
                    """, Map.of("ids", List.copyOf(ids)), (r) -> {
                Existing existing = new Existing(r.get("type").asString(null), r.get("mergedInto").asString(null));
                String id = r.get("id").asString();
                found.put(id, existing);
                if (existing.type() != null) {
                    this.existing.put(id, Known.of(existing.type(), 0, SensitiveFields.reveal(r.get("facts").asMap())));
                }
                return existing;
            });
            return found;
        }

        /**
         * A relationship id whose hash was seen before is a duplicate if the id itself
         * was.
         */
        private void confirmDuplicates() {
            if (this.suspects.isEmpty()) {
                return;
            }
            Set<String> ids = new HashSet<>();
            this.suspects.forEach((suspect) -> ids.add(suspect.id()));
            Map<String, Integer> first = new HashMap<>();
            forEachLine(this.relationshipsFile, (number, text) -> {
                Map<String, Object> fields;
                try {
                    fields = object(text);
                }
                catch (IllegalArgumentException ex) {
                    return;
                }
                if (fields.get("from") instanceof String from && fields.get("to") instanceof String to
                        && fields.get("type") instanceof String type) {
                    String id = RecordReader.relationshipId(fields, from, type, to);
                    if (ids.contains(id)) {
                        first.putIfAbsent(id, number);
                    }
                }
            });
            for (Suspect suspect : this.suspects) {
                int line = first.get(suspect.id());
                if (line < suspect.line()) {
                    problem(RELATIONSHIPS_FILE, suspect.line(),
                            "duplicate relationship '" + suspect.id() + "', already defined at "
                                    + name(RELATIONSHIPS_FILE) + ":" + line
                                    + "; give one of them its own 'id:' if the same two entities are linked twice");
                }
            }
        }

    }

    /**
     * The writes, in batches, and where they have got to, for the message if one fails.
     */
    private final class Writes {

        private final String importId;

        private final Validation validation;

        private final Progress progress;

        private long entities;

        private long relationships;

        private String position = "the start";

        Writes(String importId, Validation validation, Progress progress) {
            this.importId = importId;
            this.validation = validation;
            this.progress = progress;
        }

        long written() {
            return this.entities + this.relationships;
        }

        String position() {
            return this.position;
        }

        void entities(Path file) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int[] firstLine = { 0 };
            this.progress.update(Phase.WRITING_ENTITIES, 0, this.validation.entityCount);
            forEachLine(file, (number, text) -> {
                EntityRecord entity = BulkImport.this.records.entity(object(text), new Origin(file.toString(), number),
                        (field, message) -> changed(file, number), (index, field, message) -> changed(file, number));
                if (entity == null) {
                    changed(file, number);
                }
                Map<String, Object> props = GraphWriter.nodeProperties(entity);
                props.put("importId", this.importId);
                if (rows.isEmpty()) {
                    firstLine[0] = number;
                }
                rows.add(Map.of("type", entity.type(), "props", props));
                if (rows.size() == BulkImport.this.batchSize) {
                    writeEntities(file, firstLine[0], number, rows);
                    rows.clear();
                }
            });
            if (!rows.isEmpty()) {
                writeEntities(file, firstLine[0], -1, rows);
            }
            this.progress.update(Phase.WRITING_ENTITIES, this.entities, this.validation.entityCount);
        }

        void relationships(Path file) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int[] firstLine = { 0 };
            this.progress.update(Phase.WRITING_RELATIONSHIPS, 0, this.validation.relationshipCount);
            forEachLine(file, (number, text) -> {
                RelationshipRecord relationship = BulkImport.this.records.relationship(object(text),
                        new Origin(file.toString(), number), this.validation::typeOf,
                        (field, message) -> changed(file, number), (index, field, message) -> changed(file, number));
                if (relationship == null) {
                    changed(file, number);
                }
                Map<String, Object> props = GraphWriter.relationshipProperties(relationship);
                props.put("importId", this.importId);
                if (rows.isEmpty()) {
                    firstLine[0] = number;
                }
                rows.add(Map.of("type", relationship.type(), "from", relationship.from(), "to", relationship.to(),
                        "props", props));
                if (rows.size() == BulkImport.this.batchSize) {
                    writeRelationships(file, firstLine[0], number, rows);
                    rows.clear();
                }
            });
            if (!rows.isEmpty()) {
                writeRelationships(file, firstLine[0], -1, rows);
            }
            this.progress.update(Phase.WRITING_RELATIONSHIPS, this.relationships, this.validation.relationshipCount);
        }

        private void writeEntities(Path file, int from, int to, List<Map<String, Object>> rows) {
            this.position = lines(file, from, to);
            SummaryCounters counters = BulkImport.this.graph.write((tx) -> tx.run("""
                    UNWIND $rows AS row
                    CREATE (n:Entity) SET n = row.props, n:$(row.type)
                    """, Map.of("rows", rows)).consume().counters(), BATCH_TIMEOUT);
            this.entities += counters.nodesCreated();
            this.progress.update(Phase.WRITING_ENTITIES, this.entities, this.validation.entityCount);
        }

        private void writeRelationships(Path file, int from, int to, List<Map<String, Object>> rows) {
            this.position = lines(file, from, to);
            SummaryCounters counters = BulkImport.this.graph.write((tx) -> {
                SummaryCounters created = tx.run("""
                        UNWIND $rows AS row
                        MATCH (a:Entity {id: row.from})
                        MATCH (b:Entity {id: row.to})
                        CREATE (a)-[r:$(row.type)]->(b) SET r = row.props
                        """, Map.of("rows", rows)).consume().counters();
                if (created.relationshipsCreated() != rows.size()) {
                    throw new IllegalStateException((rows.size() - created.relationshipsCreated())
                            + " relationships lost an endpoint after validation (deleted meanwhile?)");
                }
                return created;
            }, BATCH_TIMEOUT);
            this.relationships += counters.relationshipsCreated();
            this.progress.update(Phase.WRITING_RELATIONSHIPS, this.relationships, this.validation.relationshipCount);
        }

        private static String lines(Path file, int from, int to) {
            return file + (to < 0 ? ":" + from + " and after" : " lines " + from + "–" + to);
        }

        private static void changed(Path file, int line) {
            throw new IllegalStateException(file + ":" + line + " changed since it was validated");
        }

    }

    @FunctionalInterface
    private interface LineHandler {

        void handle(int number, String text);

    }

    /**
     * Each non-blank line of the file, with its number; returns how many lines it has
     * (none if it is not there).
     */
    private static int forEachLine(Path file, LineHandler handler) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    handler.handle(number, text);
                }
            }
            return number;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /**
     * The JSON object on a line; throws {@link IllegalArgumentException} saying what is
     * wrong otherwise.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String text) {
        Object value;
        try {
            value = this.json.readValue(text, Object.class);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("not valid JSON: " + ex.getOriginalMessage());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a line must be one JSON object, an entity or a relationship");
        }
        return (Map<String, Object>) map;
    }

    private static long countLines(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            int last = '\n';
            for (int read; (read = in.read(buffer)) > 0;) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
            return last == '\n' ? lines : lines + 1;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

}
