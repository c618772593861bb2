package org.casegraph.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.access.SensitiveFields;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.importer.Progress.Phase;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.Origin;
import org.casegraph.record.RecordReader;
import org.casegraph.record.RelationshipRecord;
import org.casegraph.record.VictimGroupRule;

/**
 * The first pass of an import: one pass over each file, in chunks, with one database
 * look-up per chunk for ids not in the files. Every line is checked by the rules the seed
 * loader applies ({@link RecordReader}, {@link VictimGroupRule}), and nothing is written
 * unless all lines pass.
 */
final class ImportValidation {

    static final int ENTITIES_FILE = 0;

    static final int RELATIONSHIPS_FILE = 1;

    private final Graph graph;

    private final Vocabulary vocabulary;

    private final RecordReader records;

    private final int batchSize;

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

    private final Path entitiesFile;

    private final Path relationshipsFile;

    private final Progress progress;

    private final LineOrigins origins;

    private final ImportProblems problems = new ImportProblems(BulkImport.LISTED_PROBLEMS);

    private final Map<String, Known> entities = new HashMap<>();

    /** The entities already in the database that the files refer to. */
    private final Map<String, Known> existing = new HashMap<>();

    /**
     * Documents cited before the files define them (or don't): document id to the lines
     * citing it.
     */
    private final Map<String, List<Integer>> pendingDocuments = new HashMap<>();

    private final List<Suspect> suspects = new ArrayList<>();

    private final boolean databaseEmpty;

    private final long relationshipLines;

    private final long totalLines;

    private long linesRead;

    private long entityCount;

    private long relationshipCount;

    ImportValidation(Graph graph, Vocabulary vocabulary, RecordReader records, int batchSize, Path entitiesFile,
            Path relationshipsFile, Progress progress, LineOrigins origins) {
        this.graph = graph;
        this.origins = origins;
        this.vocabulary = vocabulary;
        this.records = records;
        this.batchSize = batchSize;
        this.entitiesFile = entitiesFile;
        this.relationshipsFile = relationshipsFile;
        this.progress = progress;
        this.relationshipLines = JsonLines.countLines(relationshipsFile);
        this.totalLines = JsonLines.countLines(entitiesFile) + this.relationshipLines;
        this.databaseEmpty = this.graph.single("""
                CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
                CALL () { MATCH (a:Alias) RETURN count(a) AS aliases }
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
            throw new ImportException(this.problems.listed(), this.problems.count(), this.problems.lines(ENTITIES_FILE),
                    this.problems.lines(RELATIONSHIPS_FILE));
        }
    }

    long entityCount() {
        return this.entityCount;
    }

    long relationshipCount() {
        return this.relationshipCount;
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
        this.problems.add(file, line, where(file, line), message);
    }

    private String name(int file) {
        return path(file).toString();
    }

    private Path path(int file) {
        return file == ENTITIES_FILE ? this.entitiesFile : this.relationshipsFile;
    }

    /** A line as messages name it: {@code file:line}, or where it was translated from. */
    String where(int file, int line) {
        return this.origins.name(path(file), line);
    }

    private interface ChunkHandler {

        void handle(List<Line> chunk);

    }

    private void chunks(int file, Path path, ChunkHandler handler) {
        List<Line> chunk = new ArrayList<>();
        long before = this.linesRead;
        this.linesRead += JsonLines.forEachLine(path, (number, text) -> {
            try {
                chunk.add(new Line(number, JsonLines.object(text)));
            }
            catch (IllegalArgumentException ex) {
                problem(file, number, ex.getMessage());
            }
            if (chunk.size() == this.batchSize) {
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
            EntityRecord entity = this.records.entity(line.fields(), origin,
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
            String type = this.vocabulary.entityType(entity.type()).name();
            Known earlier = this.entities.putIfAbsent(entity.id(), Known.of(type, line.number(), entity.properties()));
            if (earlier != null) {
                problem(ENTITIES_FILE, line.number(), "duplicate id '" + entity.id() + "', already defined at "
                        + where(ENTITIES_FILE, earlier.line()));
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
            RelationshipRecord relationship = this.records.relationship(line.fields(), origin, this::typeOf,
                    (field, message) -> problem(RELATIONSHIPS_FILE, line.number(), message),
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
            this.graph.query("""
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
                ImportValidation.this.problem(file, line, message);
            }

            @Override
            public void cited(int index, Citation citation) {
                String type = typeOf(citation.document());
                if (type == null && file == ENTITIES_FILE) {
                    ImportValidation.this.pendingDocuments
                        .computeIfAbsent(citation.document(), (doc) -> new ArrayList<>())
                        .add(line);
                    return;
                }
                String problem = RecordReader.documentProblem(citation.document(), type);
                if (problem != null) {
                    ImportValidation.this.problem(file, line, problem);
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
        this.graph.query("""
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
     * A relationship id whose hash was seen before is a duplicate if the id itself was.
     */
    private void confirmDuplicates() {
        if (this.suspects.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        this.suspects.forEach((suspect) -> ids.add(suspect.id()));
        Map<String, Integer> first = new HashMap<>();
        JsonLines.forEachLine(this.relationshipsFile, (number, text) -> {
            Map<String, Object> fields;
            try {
                fields = JsonLines.object(text);
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
                                + where(RELATIONSHIPS_FILE, line)
                                + "; give one of them its own 'id:' if the same two entities are linked twice");
            }
        }
    }

}
