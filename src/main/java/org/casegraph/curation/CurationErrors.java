package org.casegraph.curation;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns refused writes into errors that say what to do, with the kind of refusal in
 * {@code extensions.code}.
 */
@Component
class CurationErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof CurationException refused)) {
            return null;
        }
        ErrorType type = switch (refused.kind()) {
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case INVALID, CONFLICT -> ErrorType.BAD_REQUEST;
        };
        return GraphqlErrorBuilder.newError(env)
            .errorType(type)
            .message(refused.getMessage())
            .extensions(Map.of("code", refused.kind().name()))
            .build();
    }

}
