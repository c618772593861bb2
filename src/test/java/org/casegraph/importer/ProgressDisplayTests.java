package org.casegraph.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.casegraph.importer.Progress.Phase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress as a person sees it: count, percent, rate and time left; in place on a
 * console, every few seconds in a log.
 */
class ProgressDisplayTests {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private long now;

    private ProgressDisplay display(boolean console) {
        return new ProgressDisplay(new PrintStream(this.printed, true, StandardCharsets.UTF_8), console,
                () -> this.now);
    }

    private String printed() {
        return this.printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogGetsALineEveryFiveSecondsAndAtTheEndOfEachPhase() {
        ProgressDisplay display = display(false);
        display.update(Phase.WRITING_ENTITIES, 0, 1_000_000);
        this.now = 2_000_000_000L;
        display.update(Phase.WRITING_ENTITIES, 100_000, 1_000_000);
        this.now = 5_000_000_000L;
        display.update(Phase.WRITING_ENTITIES, 250_000, 1_000_000);
        this.now = 20_000_000_000L;
        display.update(Phase.WRITING_ENTITIES, 1_000_000, 1_000_000);
        assertThat(printed().lines()).containsExactly(
                "writing entities                0 / 1,000,000   0.0%         0/s  ETA ?",
                "writing entities          250,000 / 1,000,000  25.0%    50,000/s  ETA 15 s",
                "writing entities        1,000,000 / 1,000,000 100.0%    50,000/s  done in 20 s");
    }

    @Test
    void aConsoleRedrawsOneLineInPlace() {
        ProgressDisplay display = display(true);
        display.update(Phase.VALIDATING, 0, 6_000_000);
        this.now = 60_000_000_000L;
        display.update(Phase.VALIDATING, 3_000_000, 6_000_000);
        display.close();
        assertThat(printed()).isEqualTo("\rvalidating                      0 / 6,000,000   0.0%         0/s  ETA ?"
                + "\rvalidating              3,000,000 / 6,000,000  50.0%    50,000/s  ETA 1:00 min\n");
    }

}
