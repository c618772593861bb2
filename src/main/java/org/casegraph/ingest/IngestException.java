package org.casegraph.ingest;

import org.casegraph.support.Refusal;
import org.springframework.graphql.execution.ErrorType;

/**
 * A file or a review step refused for a reason the user can act on; nothing was written.
 */
public final class IngestException extends RuntimeException implements Refusal {

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

    @Override
    public ErrorType errorType() {
        return switch (this.kind) {
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case HEAP -> ErrorType.INTERNAL_ERROR;
            default -> ErrorType.BAD_REQUEST;
        };
    }

    @Override
    public String code() {
        return this.kind.name();
    }

}
