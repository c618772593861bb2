package org.casegraph.importer;

import java.util.List;

import org.casegraph.support.CaseGraphStartupException;

/**
 * Import files that cannot be imported, with the first problems found, each as
 * {@code file:line: message}, and how many there were in all. Nothing was written.
 */
public class ImportException extends CaseGraphStartupException {

    private final List<String> problems;

    private final long count;

    ImportException(List<String> problems, long count) {
        super("the import files are invalid (" + count + (count == 1 ? " problem" : " problems")
                + "), nothing was written:\n  " + String.join("\n  ", problems)
                + (count > problems.size() ? "\n  … and " + (count - problems.size()) + " more" : ""));
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    /** The problems listed, at most the first 50 by file and line. */
    public List<String> problems() {
        return this.problems;
    }

    public long count() {
        return this.count;
    }

}
