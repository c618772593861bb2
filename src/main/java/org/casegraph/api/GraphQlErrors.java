package org.casegraph.api;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.casegraph.support.InvalidArgumentException;
import org.casegraph.support.Refusal;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Bad input becomes a BAD_REQUEST error naming the argument, a {@link Refusal} an error
 * of its type with its message and code; anything else stays masked by Spring for GraphQL
 * (an INTERNAL_ERROR with an id that is also logged), so no stack trace, Cypher or driver
 * message leaks.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidArgumentException invalid) {
            return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.BAD_REQUEST)
                .message(invalid.getMessage())
                .extensions(Map.of("argument", invalid.argument()))
                .build();
        }
        if (ex instanceof Refusal refusal) {
            GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(env)
                .errorType(refusal.errorType())
                .message(ex.getMessage());
            return (refusal.code() == null ? error : error.extensions(Map.of("code", refusal.code()))).build();
        }
        return null;
    }

}
