package org.casegraph.importer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Every problem an import's validation finds, counted, with the first few by file and
 * line kept for the message: a file with a million bad lines must not need a million
 * messages in memory.
 */
final class ImportProblems {

    private record Problem(int file, int line, long sequence, String text) {
    }

    private static final Comparator<Problem> ORDER = Comparator.comparingInt(Problem::file)
        .thenComparingInt(Problem::line)
        .thenComparingLong(Problem::sequence);

    private final int limit;

    /**
     * The first {@code limit} problems, the last of them on top so it is the one to drop.
     */
    private final PriorityQueue<Problem> kept;

    private long count;

    /**
     * The lines with a problem, of each file: a bit each, for an import that skips them.
     */
    private final BitSet[] lines;

    ImportProblems(int limit) {
        this(limit, 2);
    }

    /** For {@code files} input files. */
    ImportProblems(int limit, int files) {
        this.limit = limit;
        this.lines = new BitSet[files];
        java.util.Arrays.setAll(this.lines, (file) -> new BitSet());
        this.kept = new PriorityQueue<>(ORDER.reversed());
    }

    /**
     * A problem at {@code line} of the {@code file}-th input file, shown as
     * {@code where: message}.
     */
    void add(int file, int line, String where, String message) {
        this.lines[file].set(line);
        Problem problem = new Problem(file, line, this.count++, where + ": " + message);
        if (this.kept.size() < this.limit) {
            this.kept.add(problem);
        }
        else if (ORDER.compare(problem, this.kept.peek()) < 0) {
            this.kept.poll();
            this.kept.add(problem);
        }
    }

    long count() {
        return this.count;
    }

    /** The lines of the {@code file}-th input file that have a problem. */
    BitSet lines(int file) {
        return (BitSet) this.lines[file].clone();
    }

    /** The problems kept, in file and line order. */
    List<String> listed() {
        List<Problem> sorted = new ArrayList<>(this.kept);
        sorted.sort(ORDER);
        return sorted.stream().map(Problem::text).toList();
    }

}
