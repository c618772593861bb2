package org.casegraph.export;

/**
 * How many entities and relationships an {@link ExportWriter} has written, for the
 * summary; each writer counts what it writes (FtM leaves victims out).
 */
final class Written {

    private long entities;

    private long relationships;

    void entity() {
        this.entities++;
    }

    void relationship() {
        this.relationships++;
    }

    long entities() {
        return this.entities;
    }

    long relationships() {
        return this.relationships;
    }

}
