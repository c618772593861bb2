package org.casegraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.graph.Vocabulary;
import org.casegraph.record.EntityValidator;
import org.casegraph.seed.SeedData;
import org.casegraph.seed.SeedDataReader;
import org.casegraph.seed.SeedLoader;
import org.casegraph.support.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup restored into an empty database is the same graph: same counts, same content
 * checksum.
 */
class BackupRestoreIT {

    private static final Pattern SUMMARY = Pattern
        .compile(": (\\d+) entities, (\\d+) relationships, checksum ([0-9a-f]{64})");

    @TempDir
    Path temp;

    private String run(String... args) throws InterruptedException {
        try (JarProcess jar = JarProcess.start(args)) {
            int exit = jar.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).as(jar.output()).isZero();
            Matcher summary = SUMMARY.matcher(jar.output());
            assertThat(summary.find()).as(jar.output()).isTrue();
            return summary.group();
        }
    }

    @Test
    void backupThenRestoreIsIdentical() throws Exception {
        Path first = this.temp.resolve("first.jsonl");
        Path second = this.temp.resolve("second.jsonl");
        Path original = this.temp.resolve("original");
        Path restored = this.temp.resolve("restored");
        String backedUp = run("backup", first.toString(), "--casegraph.data-dir=" + original,
                "--casegraph.seed.mode=always", "--casegraph.embedded.bolt-port=0");
        SeedData seed = new SeedDataReader(new EntityValidator(Vocabulary.load()))
            .read(SeedLoader.files("file:seed-data/*.yaml"));
        assertThat(backedUp).startsWith(
                ": %d entities, %d relationships".formatted(seed.entities().size(), seed.relationships().size()));
        String restoredSummary = run("restore", first.toString(), "--casegraph.data-dir=" + restored,
                "--casegraph.embedded.bolt-port=0");
        String backedUpAgain = run("backup", second.toString(), "--casegraph.data-dir=" + restored,
                "--casegraph.embedded.bolt-port=0");
        assertThat(restoredSummary).isEqualTo(backedUp);
        assertThat(backedUpAgain).isEqualTo(backedUp);
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));

        try (JarProcess again = JarProcess.start("restore", first.toString(), "--casegraph.data-dir=" + restored,
                "--casegraph.embedded.bolt-port=0")) {
            assertThat(again.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(again.output())
                .containsPattern("the database is not empty \\(\\d+ nodes\\); restore only into an empty database");
        }
    }

}
