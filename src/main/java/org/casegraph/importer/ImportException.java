package org.casegraph.importer;

import java.util.BitSet;
import java.util.List;

import org.casegraph.support.CaseGraphStartupException;

/**
 * Import files that cannot be imported, with the first problems found, each as
 * {@code file:line: message}, and how many there were in all. Nothing was written.
 */
public class ImportException extends CaseGraphStartupException {

    private final List<String> problems;

    private final long count;

    private final BitSet[] lines;

    ImportException(List<String> problems, long count) {
        this(problems, count, new BitSet(), new BitSet());
    }

    ImportException(List<String> problems, long count, BitSet entityLines, BitSet relationshipLines) {
        super("the import files are invalid (" + count + (count == 1 ? " problem" : " problems")
                + "), nothing was written:\n  " + String.join("\n  ", problems)
                + (count > problems.size() ? "\n  … and " + (count - problems.size()) + " more" : ""));
        this.problems = List.copyOf(problems);
        this.count = count;
        this.lines = new BitSet[] { entityLines, relationshipLines };
    }

    /** The problems listed, at most the first 50 by file and line. */
    public List<String> problems() {
        return this.problems;
    }

    /**
     * Every line with a problem of the entities file ({@code 0}) or the relationships
     * file ({@code 1}), for an import that skips them.
     */
    BitSet lines(int file) {
        return (BitSet) this.lines[file].clone();
    }

    public long count() {
        return this.count;
    }

}
