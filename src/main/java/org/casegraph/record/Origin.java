package org.casegraph.record;

/** Where a record was written down, for messages: a file and line, or the API. */
public record Origin(String file, int line) {

    @Override
    public String toString() {
        return this.file + ":" + this.line;
    }

}
