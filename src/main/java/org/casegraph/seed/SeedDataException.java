package org.casegraph.seed;

import java.util.List;

import org.casegraph.support.CaseGraphStartupException;

/**
 * Seed data that cannot be loaded, with every problem found, each as
 * {@code file:line: message}.
 */
public class SeedDataException extends CaseGraphStartupException {

    private final List<String> problems;

    public SeedDataException(List<String> problems) {
        super("seed-data is invalid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "), nothing was loaded:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return this.problems;
    }

}
