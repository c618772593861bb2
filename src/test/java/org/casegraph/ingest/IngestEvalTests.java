package org.casegraph.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.casegraph.graph.Vocabulary;
import org.casegraph.record.EntityValidator;
import org.casegraph.seed.SeedData;
import org.casegraph.seed.SeedDataReader;
import org.casegraph.seed.SeedLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The measured recall of ingest on the seed documents, leave-one-out by cited document:
 * the figures the README's table shows, and the floor below which a change to the
 * proposals is a regression.
 */
class IngestEvalTests {

    static final Path SEEDS = Path.of(System.getProperty("casegraph.seeds-dir", "../shared/seeds"));

    @Test
    void ingestFindsMostCuratedNamesOfEachCitedDocument() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "the source documents are not at " + SEEDS.toAbsolutePath());
        SeedData data = new SeedDataReader(new EntityValidator(Vocabulary.load()))
            .read(SeedLoader.files("classpath*:seed-data/*.yaml"));
        List<IngestEval.Row> rows = IngestEval.evaluate(data, SEEDS);
        String table = IngestEval.table(rows);
        System.out.print(table);
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("ingest-eval.md"), table);
        assertThat(rows.stream().map(IngestEval.Row::documentId).distinct()).as("every seed file is a cited document")
            .hasSizeGreaterThanOrEqualTo(5);
        int inText = rows.stream().mapToInt(IngestEval.Row::inText).sum();
        int found = rows.stream().mapToInt(IngestEval.Row::found).sum();
        int heldOut = rows.stream().mapToInt(IngestEval.Row::heldOut).sum();
        int byRecogniser = rows.stream().mapToInt(IngestEval.Row::byRecogniser).sum();
        assertThat(rows).allSatisfy((row) -> {
            assertThat(row.found()).isEqualTo(row.byGazetteer() + row.byRecogniser());
            assertThat(row.byRecogniser()).as("only held-out names can be found as new")
                .isLessThanOrEqualTo(row.heldOut());
        });
        assertThat(heldOut).as("names known only from their own document are left out of the gazetteer").isPositive();
        assertThat(byRecogniser).as("the recogniser finds some names the graph does not know").isPositive();
        assertThat((double) found / inText).as("recall over %d curated names in the texts", inText).isGreaterThan(0.6);
        int proposed = rows.stream().mapToInt(IngestEval.Row::proposed).sum();
        int correct = rows.stream().mapToInt(IngestEval.Row::correct).sum();
        assertThat((double) correct / proposed).as("precision of %d new names proposed", proposed).isGreaterThan(0.5);
        int linked = rows.stream().mapToInt(IngestEval.Row::linked).sum();
        int linkedCited = rows.stream().mapToInt(IngestEval.Row::linkedCited).sum();
        assertThat((double) linkedCited / linked).as("links to the entity the curators meant, of %d judged", linked)
            .isGreaterThanOrEqualTo(0.9);
    }

}
