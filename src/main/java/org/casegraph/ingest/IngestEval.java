package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.graph.Vocabulary;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.EntityValidator;
import org.casegraph.seed.SeedData;
import org.casegraph.seed.SeedDataReader;
import org.casegraph.seed.SeedLoader;
import org.casegraph.support.CaseGraphStartupException;
import org.springframework.util.unit.DataSize;

/**
 * How much of what the curators found, ingest finds by itself: each source document the
 * seed data cites is ingested as a file, with the entities known only from that document
 * left out of the graph's names (leave-one-out, split by cited document), and its
 * proposals are compared with the curated people, organizations and places it cites.
 * <p>
 * An entity counts when one of its curated names occurs in the text (as written, whole
 * words). It is found when a proposal covers such an occurrence and names it rightly:
 * linked to it, or, for an entity left out, proposed as new. Precision counts the
 * proposed names (victim flags aside: those are redactions, not facts) that are a curated
 * entity's name.
 */
public final class IngestEval {

    private static final Set<String> NAMED_TYPES = Set.of("Person", "Organization", "Place");

    private static final Set<String> NOT_NAMED_IN_TEXT = Set.of("Victim", "Document", "Statistic", "Claim");

    /**
     * One cited document's figures for one type of name. {@code linked} counts the
     * entities its mentions were linked to, {@code linkedCited} those of them the
     * document's curation cites (a lower bound of the right links: a document may name an
     * entity its curators did not cite it for).
     */
    public record Row(String documentId, String seedFile, String type, int inText, int found, int byGazetteer,
            int byRecogniser, int heldOut, int proposed, int correct, int linked, int linkedCited) {

        Row plus(Row other) {
            return new Row(this.documentId, this.seedFile, this.type, this.inText + other.inText,
                    this.found + other.found, this.byGazetteer + other.byGazetteer,
                    this.byRecogniser + other.byRecogniser, this.heldOut + other.heldOut,
                    this.proposed + other.proposed, this.correct + other.correct, this.linked + other.linked,
                    this.linkedCited + other.linkedCited);
        }

        double linksCited() {
            return this.linked == 0 ? 1 : (double) this.linkedCited / this.linked;
        }

        double recall() {
            return this.inText == 0 ? 1 : (double) this.found / this.inText;
        }

        double precision() {
            return this.proposed == 0 ? 1 : (double) this.correct / this.proposed;
        }

    }

    private IngestEval() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && "ingest-eval".equals(args[0]);
    }

    /**
     * {@code ingest-eval [SEEDS_DIR]}: the table for the seed data in the jar against the
     * source documents in {@code SEEDS_DIR} (default {@code ../shared/seeds}). Needs no
     * database.
     */
    public static String run(String[] args) throws IOException {
        Path seeds = Path.of(args.length > 1 ? args[1] : "../shared/seeds");
        if (!Files.isDirectory(seeds)) {
            throw new CaseGraphStartupException("ingest-eval: the source documents are not at " + seeds.toAbsolutePath()
                    + "; give their folder: ingest-eval SEEDS_DIR");
        }
        NamedEntities.requireHeap();
        SeedData data = new SeedDataReader(new EntityValidator(Vocabulary.load()))
            .read(SeedLoader.files("classpath*:seed-data/*.yaml"));
        return table(evaluate(data, seeds));
    }

    /**
     * Evaluates every Document of {@code data} that names its seed file in {@code seeds}.
     */
    public static List<Row> evaluate(SeedData data, Path seeds) throws IOException {
        TextExtractor extractor = new TextExtractor(new IngestProperties(DataSize.ofMegabytes(20), 5_000_000));
        Map<String, String> texts = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (EntityRecord document : data.entities()) {
            Object seedFile = document.properties().get("seedFile");
            if (!"Document".equals(document.type()) || !(seedFile instanceof String file)
                    || !Files.isRegularFile(seeds.resolve(file))) {
                continue;
            }
            String text = texts.computeIfAbsent(file, (name) -> extract(extractor, seeds.resolve(name)));
            rows.addAll(evaluate(data, document.id(), file, text));
        }
        return rows;
    }

    private static String extract(TextExtractor extractor, Path file) {
        try {
            return extractor.extract(Files.readAllBytes(file), file.getFileName().toString());
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static List<Row> evaluate(SeedData data, String documentId, String seedFile, String text) {
        Set<String> heldOut = new HashSet<>();
        Set<String> citedIds = new HashSet<>();
        List<Gazetteer.Name> names = new ArrayList<>();
        for (EntityRecord entity : data.entities()) {
            Set<String> documents = new HashSet<>(entity.citations().stream().map(Citation::document).toList());
            if (documents.contains(documentId)) {
                citedIds.add(entity.id());
            }
            if (documents.equals(Set.of(documentId))) {
                heldOut.add(entity.id());
            }
            else if (!NOT_NAMED_IN_TEXT.contains(entity.type())) {
                for (String name : namesOf(entity)) {
                    names.add(new Gazetteer.Name(name, entity.id(), entity.type()));
                }
            }
        }
        List<Mention> mentions = Proposals.propose(text, new Gazetteer(names), NamedEntities.find(text), null);
        List<Row> rows = new ArrayList<>();
        for (String type : List.of("Person", "Organization", "Place")) {
            rows.add(tally(data, documentId, seedFile, type, text, mentions, citedIds, heldOut));
        }
        return rows;
    }

    private static Row tally(SeedData data, String documentId, String seedFile, String type, String text,
            List<Mention> mentions, Set<String> citedIds, Set<String> heldOut) {
        int inText = 0;
        int found = 0;
        int byGazetteer = 0;
        int byRecogniser = 0;
        int heldOutInText = 0;
        Set<String> curatedNames = new HashSet<>();
        for (EntityRecord entity : data.entities()) {
            if (type.equals(entity.type())) {
                namesOf(entity).forEach((name) -> curatedNames.add(name.toLowerCase(Locale.ROOT)));
            }
        }
        for (EntityRecord entity : data.entities()) {
            if (!type.equals(entity.type()) || !citedIds.contains(entity.id())) {
                continue;
            }
            List<int[]> occurrences = occurrences(text, namesOf(entity));
            if (occurrences.isEmpty()) {
                continue;
            }
            inText++;
            boolean held = heldOut.contains(entity.id());
            heldOutInText += held ? 1 : 0;
            Mention hit = mentions.stream()
                .filter((m) -> !"Event".equals(m.type()) && covers(m, occurrences))
                .filter((m) -> held ? m.entityId() == null : entity.id().equals(m.entityId()))
                .findFirst()
                .orElse(null);
            if (hit != null) {
                found++;
                if (hit.origin().startsWith("gazetteer")) {
                    byGazetteer++;
                }
                else {
                    byRecogniser++;
                }
            }
        }
        Set<String> proposed = new HashSet<>();
        Set<String> correct = new HashSet<>();
        int linked = 0;
        int linkedRight = 0;
        for (Mention mention : mentions) {
            if (!type.equals(mention.type()) || mention.possibleVictim()) {
                continue;
            }
            if (mention.entityId() != null) {
                Set<String> meant = citedNamed(data, citedIds, mention.text());
                if (!meant.isEmpty()) {
                    linked++;
                    linkedRight += meant.contains(mention.entityId()) ? 1 : 0;
                }
                continue;
            }
            String name = mention.text().toLowerCase(Locale.ROOT);
            proposed.add(name);
            if (curatedNames.contains(name)) {
                correct.add(name);
            }
        }
        return new Row(documentId, seedFile, type, inText, found, byGazetteer, byRecogniser, heldOutInText,
                proposed.size(), correct.size(), linked, linkedRight);
    }

    /** The cited entities one of whose names is {@code text}, ignoring case. */
    private static Set<String> citedNamed(SeedData data, Set<String> citedIds, String text) {
        Set<String> ids = new HashSet<>();
        for (EntityRecord entity : data.entities()) {
            if (citedIds.contains(entity.id())
                    && namesOf(entity).stream().anyMatch((name) -> name.equalsIgnoreCase(text))) {
                ids.add(entity.id());
            }
        }
        return ids;
    }

    private static List<String> namesOf(EntityRecord entity) {
        List<String> names = new ArrayList<>();
        if (entity.properties().get("name") instanceof String name) {
            names.add(name);
        }
        if (entity.properties().get("aliases") instanceof List<?> aliases) {
            aliases.stream().filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
        }
        return names;
    }

    private static List<int[]> occurrences(String text, List<String> names) {
        List<int[]> found = new ArrayList<>();
        for (String name : names) {
            Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
                .matcher(text);
            while (matcher.find()) {
                found.add(new int[] { matcher.start(), matcher.end() });
            }
        }
        return found;
    }

    private static boolean covers(Mention mention, List<int[]> occurrences) {
        return occurrences.stream().anyMatch((o) -> mention.start() < o[1] && o[0] < mention.end());
    }

    /**
     * The figures as two Markdown tables, by cited document and by type, each with the
     * totals last.
     */
    public static String table(List<Row> rows) {
        Map<String, Row> byDocument = new LinkedHashMap<>();
        Map<String, Row> byType = new LinkedHashMap<>();
        for (Row row : rows) {
            byDocument.merge(row.documentId(), row, Row::plus);
            byType.merge(row.type(), row, Row::plus);
        }
        Row all = rows.stream().reduce(Row::plus).orElseThrow();
        StringBuilder out = new StringBuilder(HEADER.formatted("document | seed"));
        byDocument.values().forEach((row) -> out.append(line(row.documentId() + " | " + row.seedFile(), row)));
        out.append(line("**all** | " + byDocument.size() + " documents", all));
        out.append('\n').append(HEADER.formatted("type | "));
        byType.values().forEach((row) -> out.append(line(row.type() + " | ", row)));
        out.append(line("**all** | ", all));
        return out.toString();
    }

    private static final String HEADER = "| %s | curated names in text | found | by gazetteer | by recogniser (of held out) "
            + "| recall | new names proposed | precision | links right (of those judged) |\n"
            + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";

    private static String line(String first, Row row) {
        return String.format(Locale.ROOT,
                "| %s | %d | %d | %d | %d (of %d) | %.0f %% | %d | %.0f %% | %.0f %% (%d of %d) |%n", first,
                row.inText(), row.found(), row.byGazetteer(), row.byRecogniser(), row.heldOut(), 100 * row.recall(),
                row.proposed(), 100 * row.precision(), 100 * row.linksCited(), row.linkedCited(), row.linked());
    }

}
