package org.casegraph.curation;

import java.util.List;

import org.casegraph.support.Refusal;
import org.springframework.graphql.execution.ErrorType;

/**
 * A write refused for a reason the client can act on: invalid input, a stale version, or
 * a missing record. (Missing rights are {@link org.casegraph.access.Caller.Forbidden}.)
 */
final class CurationException extends RuntimeException implements Refusal {

    enum Kind {

        INVALID, CONFLICT, NOT_FOUND

    }

    private final Kind kind;

    CurationException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    static CurationException invalid(List<String> problems) {
        return new CurationException(Kind.INVALID, "Invalid input: " + String.join("; ", problems));
    }

    Kind kind() {
        return this.kind;
    }

    @Override
    public ErrorType errorType() {
        return (this.kind == Kind.NOT_FOUND) ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST;
    }

    @Override
    public String code() {
        return this.kind.name();
    }

}
