package org.casegraph.importer;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows an import's progress: on a console one line redrawn in place, otherwise (a log, a
 * pipe) a line every few seconds; each phase ends with its final line.
 */
public final class ProgressDisplay implements Progress {

    private static final long REDRAW_NANOS = 250_000_000L;

    private static final long LOG_NANOS = 5_000_000_000L;

    private final PrintStream out;

    private final boolean console;

    private final LongSupplier clock;

    private Phase phase;

    private long phaseStarted;

    private long lastShown;

    private int lastWidth;

    private boolean open;

    private boolean completeShown;

    ProgressDisplay(PrintStream out, boolean console, LongSupplier clock) {
        this.out = out;
        this.console = console;
        this.clock = clock;
    }

    /** Progress on standard error, redrawn in place when a person is watching. */
    public static ProgressDisplay onStandardError() {
        return new ProgressDisplay(System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void update(Phase phase, long done, long total) {
        long now = this.clock.getAsLong();
        if (phase != this.phase) {
            endLine();
            this.phase = phase;
            this.phaseStarted = now;
            this.lastShown = now - LOG_NANOS;
            this.completeShown = false;
        }
        boolean complete = done >= total;
        if (complete ? this.completeShown : now - this.lastShown < (this.console ? REDRAW_NANOS : LOG_NANOS)) {
            return;
        }
        this.completeShown = complete;
        this.lastShown = now;
        String line = line(phase, done, total, now - this.phaseStarted);
        if (this.console) {
            this.out.print("\r" + line + " ".repeat(Math.max(0, this.lastWidth - line.length())));
            this.lastWidth = line.length();
            this.open = true;
            if (complete) {
                endLine();
            }
        }
        else {
            this.out.println(line);
        }
        this.out.flush();
    }

    /** Ends a line left open on the console, e.g. before an error message is printed. */
    public synchronized void close() {
        endLine();
    }

    private void endLine() {
        if (this.open) {
            this.out.println();
            this.out.flush();
            this.open = false;
        }
        this.lastWidth = 0;
    }

    static String line(Phase phase, long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String text = String.format(Locale.ROOT, "%-21s %,11d / %,d %5.1f%% %,9.0f/s", phase.label(), done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate);
        if (done >= total) {
            return text + "  done in " + duration(seconds);
        }
        return text + "  ETA " + (rate > 0 ? duration((total - done) / rate) : "?");
    }

    private static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole < 60 ? whole + " s" : String.format(Locale.ROOT, "%d:%02d min", whole / 60, whole % 60);
    }

}
