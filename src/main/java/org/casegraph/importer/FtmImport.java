package org.casegraph.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.casegraph.export.FtmReader;
import org.casegraph.export.FtmReader.FtmEntity;
import org.casegraph.export.FtmReader.Ref;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.ingest.MergeProposal;
import org.casegraph.ingest.MergeQueue;
import org.casegraph.support.CaseGraphStartupException;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports FollowTheMoney JSON lines (an Aleph or OpenSanctions export, or CaseGraph's
 * own) through {@link BulkImport}: each FtM line is translated into a seed-data record
 * ({@link FtmReader}), and the translation is validated and written as {@code import DIR}
 * validates and writes, every problem named by the FtM file and line it came from.
 * <ul>
 * <li>An entity whose id is in the database already (or was merged into one) is left as
 * curators have it; links to it attach to it.</li>
 * <li>A new entity whose name or alias is the name or an alias of an existing entity of
 * its type is imported and a merge is proposed: staged in the review queue
 * ({@link MergeQueue}), where an editor merges or keeps both, and listed in the report
 * file with its {@code mergeEntities} input. An editor decides, not the import.</li>
 * <li>Every record carries the FtM {@code datasets} it came from, or the file name, as
 * {@code importDatasets}; a record without a quote of its own cites a Document standing
 * for its dataset.</li>
 * <li>{@link OnError#ABORT}: one bad line and nothing is written. {@link OnError#SKIP}:
 * bad lines (and the links that needed them) are left out and listed; the rest is
 * written.</li>
 * </ul>
 */
@Component
public class FtmImport {

    /** What a line that cannot be imported does to the import. */
    public enum OnError {

        ABORT, SKIP;

        public static OnError parse(String value) {
            for (OnError mode : values()) {
                if (mode.name().equalsIgnoreCase(value)) {
                    return mode;
                }
            }
            throw new CaseGraphStartupException("invalid option --on-error: '" + value + "'; abort or skip");
        }

    }

    /**
     * What an FtM import did: what was written, what was there already, what was skipped
     * (the first problems listed), the merges proposed and how many of them the review
     * queue did not hold already.
     */
    public record Summary(BulkImport.Summary written, long alreadyPresent, long skipped, List<String> skippedProblems,
            List<MergeProposal> proposals, int staged, Path report) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REPORT_SUFFIX = ".merge-proposals.jsonl";

    /** The FtM id of a CaseGraph entity, e.g. {@code person.alexander-trofimov}. */
    private static final java.util.regex.Pattern CASEGRAPH_ID = java.util.regex.Pattern
        .compile("[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*");

    private final Graph graph;

    private final BulkImport bulkImport;

    private final FtmReader reader;

    private final MergeQueue mergeQueue;

    FtmImport(Graph graph, Vocabulary vocabulary, BulkImport bulkImport, MergeQueue mergeQueue) {
        this.graph = graph;
        this.bulkImport = bulkImport;
        this.reader = new FtmReader(vocabulary);
        this.mergeQueue = mergeQueue;
    }

    /** The FtM files of {@code input}: the file itself, or a folder's JSON files. */
    static List<Path> files(Path input) {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new CaseGraphStartupException(input + " is neither an FtM file nor a folder of them");
        }
        try (Stream<Path> listed = Files.list(input)) {
            List<Path> files = listed.filter(Files::isRegularFile).filter((file) -> {
                String name = file.getFileName().toString();
                // Not the merge proposals of an earlier import of a file in the folder.
                return (name.endsWith(".json") || name.endsWith(".jsonl")) && !name.endsWith(REPORT_SUFFIX);
            }).sorted().toList();
            if (files.isEmpty()) {
                throw new CaseGraphStartupException(input + " holds no *.json, *.jsonl or *.ftm.json file");
            }
            return files;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + input, ex);
        }
    }

    /**
     * Where the merge proposals go unless a path is given: beside the input, e.g.
     * {@code data.ftm.json.merge-proposals.jsonl}.
     */
    public static Path defaultReport(Path input) {
        Path absolute = input.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + REPORT_SUFFIX);
    }

    public Summary run(Path input, OnError onError, Path report, Progress progress) {
        Translation translation = new Translation(files(input));
        translation.read();
        translation.lookUp();
        Path folder;
        try {
            folder = Files.createTempDirectory("casegraph-ftm-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create a folder for the translated lines", ex);
        }
        try {
            translation.translate(folder);
            if (onError == OnError.ABORT && translation.problems.count() > 0) {
                throw new ImportException(translation.problems.listed(), translation.problems.count());
            }
            List<MergeProposal> proposals = translation.proposals();
            BulkImport.Summary written = null;
            List<String> skippedProblems = new ArrayList<>(translation.problems.listed());
            long skipped = translation.problems.count();
            while (written == null) {
                try {
                    written = this.bulkImport.run(folder, progress, translation);
                }
                catch (ImportException ex) {
                    BitSet entities = ex.lines(ImportValidation.ENTITIES_FILE);
                    BitSet relationships = ex.lines(ImportValidation.RELATIONSHIPS_FILE);
                    if (onError == OnError.ABORT || entities.isEmpty() && relationships.isEmpty()) {
                        throw ex;
                    }
                    // Leave the bad lines out and validate again: links to an entity left
                    // out fail then, and are left out in turn.
                    skippedProblems.addAll(ex.problems());
                    skipped += entities.cardinality() + relationships.cardinality();
                    translation.drop(folder, entities, relationships);
                }
            }
            Set<String> imported = translation.writtenIds(folder);
            proposals = proposals.stream().filter((proposal) -> imported.contains(proposal.incomingId())).toList();
            if (!proposals.isEmpty()) {
                writeReport(report, proposals);
            }
            int staged = this.mergeQueue.stage(proposals);
            return new Summary(written, translation.alreadyPresent, skipped,
                    skippedProblems.stream().limit(BulkImport.LISTED_PROBLEMS).toList(), proposals, staged, report);
        }
        finally {
            FileSystemUtils.deleteRecursively(folder.toFile());
        }
    }

    private static void writeReport(Path report, List<MergeProposal> proposals) {
        try (BufferedWriter out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            for (MergeProposal proposal : proposals) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("proposalId", proposal.id());
                line.put("ftmId", proposal.ftmId());
                line.put("incoming", proposal.incomingId());
                line.put("existing", proposal.existingId());
                line.put("matchedName", proposal.matchedName());
                Map<String, String> input = new LinkedHashMap<>();
                input.put("keep", proposal.existingId());
                input.put("drop", proposal.incomingId());
                input.put("reason", proposal.mergeReason());
                line.put("mergeEntities", input);
                out.write(JSON.writeValueAsString(line));
                out.newLine();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot write the merge proposals to " + report, ex);
        }
    }

    /**
     * One FtM import's translation: what each FtM id stands for, then the seed-data
     * lines, each with the FtM line and datasets it came from.
     */
    private final class Translation implements LineOrigins {

        private final List<Path> files;

        private final ImportProblems problems;

        /** FtM lines that failed, per file: left out of the translation. */
        private final Map<Path, BitSet> bad = new HashMap<>();

        /** The entities of the files, by FtM id. */
        private final Map<String, Ref> refs = new HashMap<>();

        /** The documents of the files and of the database, by name. */
        private final Map<String, List<Ref>> documentsByName = new HashMap<>();

        /** FtM ids the files refer to without defining them, maybe in the database. */
        private final Set<String> referred = new HashSet<>();

        private final Set<String> quotedNames = new HashSet<>();

        /** CaseGraph ids and relationship ids the database has already. */
        private final Set<String> present = new HashSet<>();

        private final Set<String> relationshipIds = new HashSet<>();

        /** For name matching: each new entity's type, names, and FtM id. */
        private final Map<String, Incoming> incoming = new LinkedHashMap<>();

        /** Datasets whose stand-in Document a record cites, by that document's id. */
        private final Map<String, String> datasetDocuments = new LinkedHashMap<>();

        /** Per translated line (1-based, index 0 unused): where it came from. */
        private final List<List<String>> labels = List.of(new ArrayList<>(), new ArrayList<>());

        private final List<List<List<String>>> datasets = List.of(new ArrayList<>(), new ArrayList<>());

        private long alreadyPresent;

        private record Incoming(String ftmId, String type, List<String> names, List<String> datasets) {
        }

        Translation(List<Path> files) {
            this.files = files;
            this.problems = new ImportProblems(BulkImport.LISTED_PROBLEMS, files.size());
        }

        /**
         * First pass: what each FtM id stands for, and what the files refer to without
         * defining.
         */
        void read() {
            for (int file = 0; file < this.files.size(); file++) {
                Path path = this.files.get(file);
                int index = file;
                JsonLines.forEachLine(path, (number, text) -> {
                    try {
                        FtmEntity ftm = FtmEntity.of(JsonLines.object(text));
                        String type = FtmReader.entityType(ftm);
                        if (type != null) {
                            Ref ref = new Ref(FtmReader.caseGraphId(ftm.id(), type), type, displayName(ftm),
                                    ftm.first("sourceUrl"));
                            this.refs.put(ftm.id(), ref);
                            if ("Document".equals(type)) {
                                this.documentsByName.computeIfAbsent(ref.name(), (name) -> new ArrayList<>()).add(ref);
                            }
                            this.referred.addAll(ftm.values("proof"));
                            ftm.values("notes").forEach((note) -> this.quotedNames.addAll(FtmReader.quotedNames(note)));
                        }
                        else {
                            ftm.properties().forEach((property, values) -> {
                                if (!List
                                    .of("description", "summary", "role", "relationship", "startDate", "endDate",
                                            "recordId", "sourceUrl")
                                    .contains(property)) {
                                    this.referred.addAll(values);
                                }
                            });
                            ftm.values("description")
                                .forEach((note) -> this.quotedNames.addAll(FtmReader.quotedNames(note)));
                            this.relationshipIds.add(ftm.first("recordId") != null ? ftm.first("recordId") : ftm.id());
                        }
                    }
                    catch (IllegalArgumentException ex) {
                        fail(index, path, number, null, ex.getMessage());
                    }
                });
            }
            this.referred.removeAll(this.refs.keySet());
        }

        /**
         * What the database has: the entities and relationships of the files already
         * there, the entities the files refer to, the documents quotes name.
         */
        void lookUp() {
            Map<String, String> byCaseGraphId = new HashMap<>();
            this.refs.forEach((ftmId, ref) -> byCaseGraphId.put(ref.id(), ftmId));
            for (String ftmId : this.referred) {
                if (CASEGRAPH_ID.matcher(ftmId).matches()) {
                    byCaseGraphId.putIfAbsent(ftmId.replaceFirst("\\.", "/"), ftmId);
                }
            }
            FtmImport.this.graph.query("""
                    UNWIND $ids AS id
                    OPTIONAL MATCH (n:Entity {id: id})
                    OPTIONAL MATCH (:Alias {id: id})-[:ALIAS_OF]->(k:Entity)
                    WITH id, coalesce(n, k) AS e WHERE e IS NOT NULL
                    RETURN id, e.id AS existing, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, e.name AS name,
                      e.url AS url
                    """, Map.of("ids", List.copyOf(byCaseGraphId.keySet())), (r) -> {
                String ftmId = byCaseGraphId.get(r.get("id").asString());
                Ref existing = new Ref(r.get("existing").asString(), r.get("type").asString(),
                        r.get("name").asString(null), r.get("url").asString(null));
                Ref mine = this.refs.get(ftmId);
                if (mine == null || mine.type().equals(existing.type())) {
                    this.refs.put(ftmId, existing);
                    this.present.add(ftmId);
                }
                return null;
            });
            Set<String> names = new HashSet<>(this.quotedNames);
            names.removeAll(this.documentsByName.keySet());
            FtmImport.this.graph.query("""
                    MATCH (d:Document) WHERE d.name IN $names
                    RETURN d.id AS id, d.name AS name, d.url AS url ORDER BY d.id
                    """, Map.of("names", List.copyOf(names)), (r) -> {
                Ref document = new Ref(r.get("id").asString(), "Document", r.get("name").asString(),
                        r.get("url").asString(null));
                this.documentsByName.computeIfAbsent(document.name(), (name) -> new ArrayList<>()).add(document);
                return null;
            });
            this.relationshipIds.retainAll(FtmImport.this.graph.query("""
                    MATCH ()-[r]->() WHERE r.id IN $ids RETURN DISTINCT r.id AS id
                    """, Map.of("ids", List.copyOf(this.relationshipIds)), (r) -> r.get("id").asString()));
        }

        /**
         * Second pass: each FtM line not already in the database as a seed-data line, in
         * {@code folder}.
         */
        void translate(Path folder) {
            try (BufferedWriter entities = Files.newBufferedWriter(folder.resolve(BulkImport.ENTITIES));
                    BufferedWriter relationships = Files.newBufferedWriter(folder.resolve(BulkImport.RELATIONSHIPS))) {
                for (int file = 0; file < this.files.size(); file++) {
                    Path path = this.files.get(file);
                    BitSet failed = this.bad.getOrDefault(path, new BitSet());
                    int index = file;
                    JsonLines.forEachLine(path, (number, text) -> {
                        if (failed.get(number)) {
                            return;
                        }
                        FtmEntity ftm = FtmEntity.of(JsonLines.object(text));
                        String where = path + ":" + number + " (" + ftm.schema() + " " + ftm.id() + ")";
                        List<String> lineDatasets = ftm.datasets().isEmpty() ? List.of(path.getFileName().toString())
                                : ftm.datasets();
                        String fallback = datasetDocument(lineDatasets.get(0));
                        try {
                            boolean link = FtmReader.isLink(ftm.schema());
                            if (link ? this.relationshipIds.contains(relationshipId(ftm))
                                    : this.present.contains(ftm.id())) {
                                this.alreadyPresent++;
                                return;
                            }
                            Map<String, Object> fields;
                            if (link) {
                                fields = FtmImport.this.reader.relationship(ftm, this::ref, this::documentsNamed,
                                        fallback);
                            }
                            else {
                                Ref self = this.refs.get(ftm.id());
                                fields = FtmImport.this.reader.entity(ftm, self.id(), self.type(), this::ref,
                                        this::documentsNamed, fallback);
                                this.incoming.put(self.id(),
                                        new Incoming(ftm.id(), self.type(), names(fields), lineDatasets));
                            }
                            if (cites(fields, fallback)) {
                                this.datasetDocuments.putIfAbsent(fallback, lineDatasets.get(0));
                            }
                            write(link ? relationships : entities, link ? 1 : 0, fields, where, lineDatasets);
                        }
                        catch (IllegalArgumentException ex) {
                            fail(index, path, number, where, ex.getMessage());
                        }
                    });
                }
                for (Map.Entry<String, String> dataset : this.datasetDocuments.entrySet()) {
                    if (this.refs.values().stream().noneMatch((ref) -> ref.id().equals(dataset.getKey()))
                            && !existsInDatabase(dataset.getKey())) {
                        write(entities, 0, datasetDocument(dataset.getKey(), dataset.getValue()),
                                "the Document standing for dataset '" + dataset.getValue() + "'",
                                List.of(dataset.getValue()));
                    }
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot write the translated lines to " + folder, ex);
            }
        }

        /**
         * Merges to propose: new entities whose names or aliases are those of existing
         * entities of the same type (not victims, which are never matched by name).
         */
        List<MergeProposal> proposals() {
            Map<String, List<String>> byName = new HashMap<>();
            this.incoming.forEach((id, entity) -> entity.names()
                .forEach((name) -> byName.computeIfAbsent(key(name), (k) -> new ArrayList<>()).add(id)));
            List<MergeProposal> proposals = new ArrayList<>();
            Set<String> proposed = new HashSet<>();
            FtmImport.this.graph.query("""
                    MATCH (n:Entity) WHERE NOT n:Victim AND NOT n.id IN $ids
                      AND (toLower(n.name) IN $names OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) IN $names))
                    RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.name AS name,
                      [n.name] + coalesce(n.aliases, []) AS names
                    ORDER BY n.id
                    """, Map.of("ids", List.copyOf(this.incoming.keySet()), "names", List.copyOf(byName.keySet())),
                    (r) -> {
                        String existing = r.get("id").asString();
                        String type = r.get("type").asString();
                        for (Object name : r.get("names").asList()) {
                            for (String id : byName.getOrDefault(key(String.valueOf(name)), List.of())) {
                                Incoming entity = this.incoming.get(id);
                                if (entity.type().equals(type) && proposed.add(id + " " + existing)) {
                                    proposals.add(MergeProposal.of(type, id, entity.names().get(0), existing,
                                            r.get("name").asString(), String.valueOf(name), entity.ftmId(),
                                            entity.datasets()));
                                }
                            }
                        }
                        return null;
                    });
            proposals.sort(Comparator.comparing(MergeProposal::incomingId).thenComparing(MergeProposal::existingId));
            return proposals;
        }

        /**
         * Leaves the lines with problems out of the translated files, keeping where each
         * remaining line came from.
         */
        void drop(Path folder, BitSet entities, BitSet relationships) {
            List<BitSet> dropped = List.of(entities, relationships);
            List<Path> paths = List.of(folder.resolve(BulkImport.ENTITIES), folder.resolve(BulkImport.RELATIONSHIPS));
            for (int file = 0; file < 2; file++) {
                List<String> kept = new ArrayList<>();
                List<String> keptLabels = new ArrayList<>();
                List<List<String>> keptDatasets = new ArrayList<>();
                BitSet out = dropped.get(file);
                int index = file;
                JsonLines.forEachLine(paths.get(file), (number, text) -> {
                    if (!out.get(number)) {
                        kept.add(text);
                        keptLabels.add(this.labels.get(index).get(number - 1));
                        keptDatasets.add(this.datasets.get(index).get(number - 1));
                    }
                });
                try {
                    Files.write(paths.get(file), kept, StandardCharsets.UTF_8);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException("cannot rewrite " + paths.get(file), ex);
                }
                this.labels.get(file).clear();
                this.labels.get(file).addAll(keptLabels);
                this.datasets.get(file).clear();
                this.datasets.get(file).addAll(keptDatasets);
            }
        }

        /** The entity ids the translation holds now that bad lines are left out. */
        Set<String> writtenIds(Path folder) {
            Set<String> ids = new HashSet<>();
            JsonLines.forEachLine(folder.resolve(BulkImport.ENTITIES),
                    (number, text) -> ids.add(String.valueOf(JsonLines.object(text).get("id"))));
            return ids;
        }

        @Override
        public String name(Path file, int line) {
            int index = file.getFileName().toString().equals(BulkImport.ENTITIES) ? 0 : 1;
            List<String> labels = this.labels.get(index);
            return line >= 1 && line <= labels.size() ? labels.get(line - 1) : file + ":" + line;
        }

        @Override
        public List<String> datasets(Path file, int line) {
            int index = file.getFileName().toString().equals(BulkImport.ENTITIES) ? 0 : 1;
            List<List<String>> datasets = this.datasets.get(index);
            return line >= 1 && line <= datasets.size() ? datasets.get(line - 1) : List.of();
        }

        private void write(BufferedWriter out, int file, Map<String, Object> fields, String where,
                List<String> lineDatasets) {
            try {
                out.write(JSON.writeValueAsString(fields));
                out.newLine();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot write a translated line", ex);
            }
            this.labels.get(file).add(where);
            this.datasets.get(file).add(lineDatasets);
        }

        private void fail(int file, Path path, int line, String where, String message) {
            this.problems.add(file, line, where != null ? where : path + ":" + line, message);
            this.bad.computeIfAbsent(path, (p) -> new BitSet()).set(line);
        }

        /**
         * What an FtM id stands for: an entity of the files, or of the database (by the
         * id CaseGraph exported it with).
         */
        private Ref ref(String ftmId) {
            return this.refs.get(ftmId);
        }

        private List<Ref> documentsNamed(String name) {
            return this.documentsByName.getOrDefault(name, List.of());
        }

        private boolean existsInDatabase(String id) {
            return FtmImport.this.graph.single("RETURN EXISTS { MATCH (:Entity {id: $id}) } AS found", Map.of("id", id),
                    (r) -> r.get("found").asBoolean());
        }

    }

    private static String relationshipId(FtmEntity ftm) {
        return ftm.first("recordId") != null ? ftm.first("recordId") : ftm.id();
    }

    /** The id of the Document that stands for a dataset. */
    private static String datasetDocument(String dataset) {
        return FtmReader.caseGraphId("dataset-" + dataset, "Document");
    }

    private static Map<String, Object> datasetDocument(String id, String dataset) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("type", "Document");
        fields.put("name", dataset);
        fields.put("kind", "other");
        fields.put("summary", "The FollowTheMoney dataset '" + dataset
                + "', imported: its records that quote no document of their own cite it by their name or FtM id.");
        fields.put("sources", List.of(Map.of("doc", id, "quote", dataset)));
        return fields;
    }

    private static boolean cites(Map<String, Object> fields, String document) {
        return fields.get("sources") instanceof List<?> sources && sources.stream()
            .anyMatch((source) -> source instanceof Map<?, ?> citation && document.equals(citation.get("doc")));
    }

    private static String displayName(FtmEntity ftm) {
        for (String property : List.of("name", "title", "full", "fileName")) {
            if (ftm.first(property) != null) {
                return ftm.first(property);
            }
        }
        return null;
    }

    private static List<String> names(Map<String, Object> fields) {
        Set<String> names = new LinkedHashSet<>();
        names.add(String.valueOf(fields.get("name")));
        if (fields.get("aliases") instanceof List<?> aliases) {
            aliases.forEach((alias) -> names.add(String.valueOf(alias)));
        }
        return List.copyOf(names);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

}
