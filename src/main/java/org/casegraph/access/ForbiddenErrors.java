package org.casegraph.access;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * A {@link Caller.Forbidden} refusal as the client reads it: {@code FORBIDDEN}, with the
 * permission's message.
 */
@Component
class ForbiddenErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof Caller.Forbidden refused)) {
            return null;
        }
        return GraphqlErrorBuilder.newError(env)
            .errorType(ErrorType.FORBIDDEN)
            .message(refused.getMessage())
            .extensions(Map.of("code", "FORBIDDEN"))
            .build();
    }

}
