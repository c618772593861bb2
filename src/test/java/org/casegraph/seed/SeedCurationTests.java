package org.casegraph.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.casegraph.graph.Vocabulary;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.EntityValidator;
import org.casegraph.support.VictimIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The curated seed data against its sources: every quote is in the document it names,
 * every source document contributes, and no victim can be identified from anything in
 * seed-data/.
 */
class SeedCurationTests {

    /**
     * The source documents, beside the repository as ../shared/seeds (CI lays them
     * there); override with -Dcasegraph.seeds-dir.
     */
    private static final Path SEEDS = Path.of(System.getProperty("casegraph.seeds-dir", "../shared/seeds"));

    private static SeedData data;

    private static Map<String, EntityRecord> byId;

    @BeforeAll
    static void read() {
        data = new SeedDataReader(new EntityValidator(Vocabulary.load()))
            .read(SeedLoader.files("file:seed-data/*.yaml"));
        byId = data.entities().stream().collect(Collectors.toMap(EntityRecord::id, (entity) -> entity));
        System.out.println(SeedLoader.coverage(data).report());
    }

    @Test
    void everyQuoteOccursInItsSourceDocument() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS),
                "the source documents are not at " + SEEDS.toAbsolutePath() + "; quotes cannot be checked here");
        Map<String, String> texts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Located citation : citations()) {
            EntityRecord document = byId.get(citation.citation().document());
            Object seedFile = document.properties().get("seedFile");
            if (seedFile == null) {
                problems.add(citation.where() + ": cites " + document.id()
                        + ", which is not a source document (no seedFile)");
                continue;
            }
            String text = texts.computeIfAbsent((String) seedFile, (file) -> {
                try {
                    return normalize(Files.readString(SEEDS.resolve(file), StandardCharsets.UTF_8));
                }
                catch (IOException ex) {
                    return null;
                }
            });
            if (text == null) {
                problems.add(citation.where() + ": source file " + seedFile + " is missing from " + SEEDS);
                continue;
            }
            if (!quotePattern(citation.citation().quote()).matcher(text).find()) {
                problems.add(citation.where() + ": quote not found in " + seedFile + ": \""
                        + citation.citation().quote() + "\"");
            }
            checked++;
        }
        System.out.println("checked " + checked + " quotes against " + texts.size() + " source documents");
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThan(0);
    }

    @Test
    void everySourceDocumentContributes() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "the source documents are not at " + SEEDS.toAbsolutePath());
        Map<String, Integer> citationsPerFile = new HashMap<>();
        for (Located citation : citations()) {
            Object seedFile = byId.get(citation.citation().document()).properties().get("seedFile");
            if (seedFile != null) {
                citationsPerFile.merge((String) seedFile, 1, Integer::sum);
            }
        }
        try (Stream<Path> files = Files.list(SEEDS)) {
            List<String> names = files.map((file) -> file.getFileName().toString()).sorted().toList();
            assertThat(names).isNotEmpty();
            for (String name : names) {
                assertThat(citationsPerFile.getOrDefault(name, 0)).as("citations from " + name)
                    .isGreaterThanOrEqualTo(20);
            }
        }
    }

    @Test
    void theGraphIsRich() {
        Map<String, Integer> perType = SeedLoader.coverage(data).entities();
        assertThat(data.entities().size()).as("entities").isGreaterThan(150);
        assertThat(data.relationships().size()).as("relationships").isGreaterThan(300);
        for (String type : List.of("Person", "Victim", "Organization", "Case", "Event", "Document", "Place",
                "Statistic", "Claim")) {
            assertThat(perType.getOrDefault(type, 0)).as(type + " records").isPositive();
        }
    }

    @Test
    void noVictimIsIdentifiableInSeedData() throws IOException {
        assertThat(VictimIdentifiers.count()).isPositive();
        try (Stream<Path> files = Files.list(Path.of("seed-data"))) {
            for (Path file : files.toList()) {
                assertThat(VictimIdentifiers.findIn(Files.readString(file))).as("victim identifiers in " + file)
                    .isEmpty();
            }
        }
    }

    @Test
    void victimRecordsCarryOnlyNonIdentifyingFields() {
        List<EntityRecord> victims = data.entities()
            .stream()
            .filter((entity) -> "Victim".equals(entity.type()))
            .toList();
        assertThat(victims).isNotEmpty();
        for (EntityRecord victim : victims) {
            assertThat(victim.properties().keySet()).as(victim.id())
                .isSubsetOf("id", "name", "summary", "count", "countQualifier", "ageBand", "sex", "nationality",
                        "formerIds");
        }
    }

    @Test
    void inferredDatesSayHowTheyWereWorkedOut() {
        for (EntityRecord entity : data.entities()) {
            if ("inferred".equals(entity.properties().get("dateQualifier"))) {
                assertThat((String) entity.properties().get("dateReasoning")).as(entity.id()).isNotBlank();
            }
        }
    }

    private record Located(String where, Citation citation) {
    }

    private static List<Located> citations() {
        List<Located> citations = new ArrayList<>();
        data.entities()
            .forEach((entity) -> entity.citations()
                .forEach((citation) -> citations.add(new Located(entity.origin() + " " + entity.id(), citation))));
        data.relationships()
            .forEach((relationship) -> relationship.citations()
                .forEach((citation) -> citations
                    .add(new Located(relationship.origin() + " " + relationship.id(), citation))));
        return citations;
    }

    static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * The quote as a pattern: its text literally, each [victim] standing for a short
     * redacted span.
     */
    static Pattern quotePattern(String quote) {
        String[] parts = normalize(quote).split("\\[victim\\]", -1);
        String regex = Stream.of(parts).map(Pattern::quote).collect(Collectors.joining(".{1,40}?"));
        return Pattern.compile(regex);
    }

}
