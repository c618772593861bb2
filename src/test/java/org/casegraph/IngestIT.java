package org.casegraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.casegraph.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar casegraph.jar ingest FILE… --json} as a script runs it: progress a
 * file, one JSON object a file in the fixed shape, the same file twice the same
 * ingestion; a refused file says why and exits non-zero; a heap too small for the name
 * recogniser is refused with the figure it needs.
 */
class IngestIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    @Test
    void stagesEachFileAndPrintsOneJsonObjectAFile() throws Exception {
        Path article = Files.writeString(this.temp.resolve("statement.html"), """
                <html><body><nav>Menu</nav><p>International Justice Mission said police arrested two men on
                3 March 2015 in Phnom Penh.</p></body></html>""");
        Path note = Files.writeString(this.temp.resolve("note.txt"), "Holly Burkhalter wrote to the senators.\n");
        Path empty = Files.createFile(this.temp.resolve("empty.txt"));
        String dataDir = "--casegraph.data-dir=" + this.temp.resolve("data");
        String firstId;
        try (JarProcess jar = JarProcess.startWithHeap("512m", "ingest", article.toString(), note.toString(), "--json",
                "--published", "2015-03-05", dataDir, "--casegraph.embedded.bolt-port=0")) {
            assertThat(jar.awaitExit(Duration.ofSeconds(240))).as(jar.output()).isZero();
            assertThat(jar.output()).contains("[1/2] statement.html … ").contains("[2/2] note.txt … ");
            List<Map<String, Object>> objects = jar.lines()
                .stream()
                .filter((line) -> line.startsWith("{"))
                .map(IngestIT::json)
                .toList();
            assertThat(objects).hasSize(2).allSatisfy((object) -> {
                assertThat(object.keySet()).containsExactly("ingestionId", "documentId", "text", "mentions");
            });
            assertThat((String) objects.get(0).get("text")).doesNotContain("Menu");
            assertThat(String.valueOf(objects.get(0).get("mentions")))
                .contains("entityId=organization/international-justice-mission");
            firstId = (String) objects.get(0).get("ingestionId");
        }
        try (JarProcess again = JarProcess.startWithHeap("512m", "ingest", article.toString(), empty.toString(),
                "--json", dataDir, "--casegraph.embedded.bolt-port=0")) {
            assertThat(again.awaitExit(Duration.ofSeconds(240))).as(again.output()).isNotZero();
            assertThat(again.lines().stream().filter((line) -> line.startsWith("{")).map(IngestIT::json).toList())
                .singleElement()
                .satisfies((object) -> assertThat(object.get("ingestionId")).isEqualTo(firstId));
            assertThat(again.output()).contains("[2/2] empty.txt … refused: empty.txt is empty")
                .contains("CaseGraph ingest failed: 1 of 2 files refused; the other 1 are staged for review");
        }
    }

    @Test
    void aHeapTooSmallForTheRecogniserIsRefusedWithTheFigure() throws Exception {
        Path note = Files.writeString(this.temp.resolve("note.txt"), "Holly Burkhalter wrote to the senators.\n");
        try (JarProcess jar = JarProcess.start("ingest", note.toString(),
                "--casegraph.data-dir=" + this.temp.resolve("data"), "--casegraph.embedded.bolt-port=0")) {
            assertThat(jar.awaitExit(Duration.ofSeconds(120))).as(jar.output()).isNotZero();
            assertThat(jar.output()).contains("ingesting needs a heap of at least 512 MiB")
                .contains("start it with -Xmx512m")
                .contains("nothing was staged");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) {
        return JSON.readValue(line, Map.class);
    }

}
