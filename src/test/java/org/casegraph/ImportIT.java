package org.casegraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.casegraph.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar casegraph.jar import DIR} (and {@code import --format ftm FILE}) as a
 * user runs it: progress, a summary line and exit 0, or every problem as file:line and a
 * non-zero exit with nothing written.
 */
class ImportIT {

    private static final String DOCUMENT = """
            {"id": "document/generated-register", "type": "Document", "name": "Generated register", \
            "sources": [{"doc": "document/generated-register", "quote": "Generated register"}]}""";

    /**
     * Cites a document of the seed data, which a new database gets first, as the
     * service's would.
     */
    private static final String PERSON = """
            {"id": "person/generated-ilsa-moren", "type": "Person", "name": "Ilsa Moren", \
            "sources": [{"doc": "document/the-current-trofimov-arrest-order", "quote": "IJM"}]}""";

    @TempDir
    Path temp;

    @Test
    void importsThenRefusesTheSameIdsAgain() throws Exception {
        Path files = Files.createDirectories(this.temp.resolve("files"));
        Files.write(files.resolve("entities.jsonl"), List.of(DOCUMENT, PERSON));
        Files.write(files.resolve("relationships.jsonl"), List.of("""
                {"type": "MENTIONS", "from": "document/generated-register", "to": "person/generated-ilsa-moren", \
                "sources": [{"doc": "document/generated-register", "quote": "Ilsa Moren"}]}"""));
        String dataDir = "--casegraph.data-dir=" + this.temp.resolve("data");
        try (JarProcess jar = JarProcess.start("import", files.toString(), dataDir,
                "--casegraph.embedded.bolt-port=0")) {
            assertThat(jar.awaitExit(Duration.ofSeconds(90))).as(jar.output()).isZero();
            assertThat(jar.output()).contains("writing relationships           1 / 1 100.0%")
                .containsPattern("Imported 2 entities and 1 relationships from " + files
                        + " in [0-9.]+ s \\(validation [0-9.]+ s, writing [0-9.]+ s\\); import id [0-9a-f-]{36}");
        }
        try (JarProcess again = JarProcess.start("import", files.toString(), dataDir,
                "--casegraph.embedded.bolt-port=0")) {
            assertThat(again.awaitExit(Duration.ofSeconds(90))).as(again.output()).isNotZero();
            assertThat(again.output()).contains(
                    "CaseGraph import failed: the import files are invalid (2 problems), " + "nothing was written:\n  "
                            + files.resolve("entities.jsonl") + ":1: id 'document/generated-register' "
                            + "already exists in the database; an import only adds new entities");
        }
    }

    @Test
    void importsFollowTheMoneyIntoAnEmptyDatabaseSkippingWhatItCannotMap() throws Exception {
        Path file = this.temp.resolve("registry.ftm.json");
        Files.write(file, List
            .of("""
                    {"id": "reg-pe-1", "schema": "Person", "properties": {"name": ["Ilsa Moren"]}, "datasets": ["registry"]}""",
                    """
                            {"id": "reg-vessel-1", "schema": "Vessel", "properties": {"name": ["Moren Star"]}}"""));
        try (JarProcess jar = JarProcess.start("import", "--format", "ftm", file.toString(), "--on-error=skip",
                "--casegraph.data-dir=" + this.temp.resolve("empty"), "--casegraph.seed.mode=never",
                "--casegraph.embedded.bolt-port=0")) {
            assertThat(jar.awaitExit(Duration.ofSeconds(90))).as(jar.output()).isZero();
            assertThat(jar.output())
                .containsPattern("Imported 2 entities and 0 relationships from " + file
                        + " \\(ftm\\) in [0-9.]+ s; 0 already in the database \\(same id\\), 1 lines skipped, "
                        + "0 merges proposed; import id [0-9a-f-]{36}")
                .contains("  skipped " + file + ":2: schema 'Vessel' has no CaseGraph type");
        }
    }

}
