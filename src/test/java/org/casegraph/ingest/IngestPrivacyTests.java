package org.casegraph.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.casegraph.graph.Graph;
import org.casegraph.support.GraphQlHttp;
import org.casegraph.support.VictimIdentifiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Publishing with every victim flag left unresolved redacts: each place where the curated
 * data quotes a source with {@code [victim]} reads {@code [victim]} in the published
 * text, and the name it hides is found by no public query. The name is derived at run
 * time from the curated quote's surrounding words; it is written nowhere.
 */
@EditorTest
class IngestPrivacyTests {

    static final Path SEEDS = Path.of(System.getProperty("casegraph.seeds-dir", "../shared/seeds"));

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Autowired
    Graph graph;

    /**
     * A curated quote with [victim], the document it quotes, and that document's seed
     * file.
     */
    record VictimQuote(String documentId, String quote, String seedFile) {
    }

    @Test
    void publishingWithFlagsUnresolvedRedactsEveryCuratedVictimPlace() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "the source documents are not at " + SEEDS.toAbsolutePath());
        List<VictimQuote> quotes = victimQuotes();
        assertThat(quotes).as("the curated data quotes a victim somewhere").isNotEmpty();
        for (String seedFile : quotes.stream().map(VictimQuote::seedFile).distinct().toList()) {
            String seed = Files.readString(SEEDS.resolve(seedFile));
            Ingestion staged = this.ingest.ingest(Files.readAllBytes(SEEDS.resolve(seedFile)), seedFile,
                    "Privacy " + seedFile, null, null);
            IngestService.Published published = this.ingest.publish(staged.id(), null, "test");
            String stored = this.graph.single("MATCH (d:Document {id: $id}) RETURN d.text AS text",
                    Map.of("id", published.documentId()), (r) -> r.get("text").asString());
            for (VictimQuote quote : quotes.stream().filter((q) -> q.seedFile().equals(seedFile)).toList()) {
                Pattern place = around(quote.quote());
                Matcher inSeed = place.matcher(seed);
                assertThat(inSeed.find()).as("the curated quote's words locate its place in %s", seedFile).isTrue();
                String hidden = inSeed.group(1);
                Matcher inPublished = place.matcher(stored);
                assertThat(inPublished.find()).as("the same place in the published text of %s", seedFile).isTrue();
                assertThat(inPublished.group(1)).isEqualTo("[victim]");
                assertNoPublicTrace(hidden);
            }
            assertThat(VictimIdentifiers.findIn(stored)).as("victim-identifying words in the published %s", seedFile)
                .isEmpty();
            assertThat(this.ingest.find(staged.id())).as("staging is deleted on publish").isEmpty();
        }
    }

    @Test
    void everySeedThatNamesAVictimPublishesWithoutTheName() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "the source documents are not at " + SEEDS.toAbsolutePath());
        int naming = 0;
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.sorted().toList()) {
                String seed = Files.readString(file);
                if (VictimIdentifiers.findIn(seed).isEmpty()) {
                    continue;
                }
                naming++;
                String sha256 = IngestService.sha256(Files.readAllBytes(file));
                boolean publishedByTheOtherTest = this.graph.single(
                        "MATCH (d:Document {contentSha256: $sha}) RETURN count(d) > 0 AS published",
                        Map.of("sha", sha256), (r) -> r.get("published").asBoolean());
                if (publishedByTheOtherTest) {
                    continue;
                }
                Ingestion staged = this.ingest.ingest(Files.readAllBytes(file), file.getFileName().toString(), null,
                        null, null);
                IngestService.Published published = this.ingest.publish(staged.id(), null, "test");
                assertThat(VictimIdentifiers.findIn(published.text()))
                    .as("victim-identifying words in %s", file.getFileName())
                    .isEmpty();
                String stored = this.graph.single("MATCH (d:Document {id: $id}) RETURN d.text AS text",
                        Map.of("id", published.documentId()), (r) -> r.get("text").asString());
                assertThat(VictimIdentifiers.findIn(stored)).isEmpty();
            }
        }
        assertThat(naming).as("seeds that name a victim").isGreaterThanOrEqualTo(1);
    }

    /** Not in any node or relationship property, and not found by the public search. */
    private void assertNoPublicTrace(String hidden) throws Exception {
        long inGraph = this.graph.single(
                """
                        MATCH (n) WHERE any(k IN keys(n) WHERE (n[k] IS :: STRING AND n[k] CONTAINS $hidden)
                          OR (n[k] IS :: LIST<STRING NOT NULL> AND any(x IN n[k] WHERE x CONTAINS $hidden))) RETURN count(n) AS c
                        """,
                Map.of("hidden", hidden), (r) -> r.get("c").asLong());
        long onLinks = this.graph.single(
                """
                        MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE (r[k] IS :: STRING AND r[k] CONTAINS $hidden)
                          OR (r[k] IS :: LIST<STRING NOT NULL> AND any(x IN r[k] WHERE x CONTAINS $hidden))) RETURN count(r) AS c
                        """,
                Map.of("hidden", hidden), (r) -> r.get("c").asLong());
        assertThat(inGraph + onLinks).as("graph elements holding the redacted name").isZero();
        Map<String, Object> search = new GraphQlHttp(this.port).post(null, """
                query($q: String!) { search(query: $q, first: 50) { edges { node { id name } highlights } } }
                """, Map.of("q", hidden));
        assertThat(String.valueOf(search)).doesNotContain(hidden);
    }

    /**
     * The quote's words with {@code [victim]} as a capture group, whitespace-tolerant.
     */
    static Pattern around(String quote) {
        List<String> parts = new ArrayList<>();
        for (String token : quote.strip().split("\\s+")) {
            int at = token.indexOf("[victim]");
            parts.add(at < 0 ? Pattern.quote(token) : Pattern.quote(token.substring(0, at)) + "(.+?)"
                    + Pattern.quote(token.substring(at + "[victim]".length())));
        }
        return Pattern.compile(String.join("\\s+", parts).replace("\\Q\\E", ""));
    }

    @SuppressWarnings("unchecked")
    static List<VictimQuote> victimQuotes() throws Exception {
        Map<String, String> seedFiles = new java.util.HashMap<>();
        List<Map<String, Object>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("seed-data"))) {
            for (Path file : files.filter((f) -> f.toString().endsWith(".yaml")).toList()) {
                Object data = new Yaml().load(Files.readString(file));
                collect(data, found, seedFiles);
            }
        }
        List<VictimQuote> quotes = new ArrayList<>();
        for (Map<String, Object> source : found) {
            String doc = (String) source.get("doc");
            quotes.add(new VictimQuote(doc, (String) source.get("quote"), seedFiles.get(doc)));
        }
        assertThat(quotes)
            .allSatisfy((q) -> assertThat(q.seedFile()).as("seed file of %s", q.documentId()).isNotNull());
        return quotes;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Map<String, Object>> found, Map<String, String> seedFiles) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("seedFile") instanceof String seedFile && map.get("id") instanceof String id) {
                seedFiles.put(id, seedFile);
            }
            if (map.get("quote") instanceof String quote && quote.contains("[victim]") && map.get("doc") != null) {
                found.add((Map<String, Object>) map);
            }
            map.values().forEach((value) -> collect(value, found, seedFiles));
        }
        else if (node instanceof List<?> list) {
            list.forEach((value) -> collect(value, found, seedFiles));
        }
    }

}
