package org.casegraph.ingest;

/**
 * A file or a review step refused for a reason the user can act on; nothing was written.
 */
public final class IngestException extends RuntimeException {

    public enum Kind {

        UNSUPPORTED, ENCRYPTED, EMPTY, TOO_LARGE, BOMB, HEAP, INVALID, CONFLICT, FORBIDDEN, NOT_FOUND

    }

    private final Kind kind;

    IngestException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return this.kind;
    }

}
