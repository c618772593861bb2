package org.casegraph.support;

import org.springframework.graphql.execution.ErrorType;

/**
 * A request refused for a reason the caller can act on (a stale version, invalid input, a
 * file ingest cannot read, an API key that cannot be revoked). The GraphQL layer answers
 * it as an error of {@link #errorType()} with the exception's message and, when there is
 * one, the refusal's {@link #code()} in {@code extensions.code}; nothing else of it is
 * shown.
 */
public interface Refusal {

    ErrorType errorType();

    /** The kind of refusal for {@code extensions.code}; null for none. */
    default String code() {
        return null;
    }

}
