package org.casegraph.access;

import java.util.List;

import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's role and name, as {@link CallerResolver} finds them, into the GraphQL
 * context. An unknown key is answered with an UNAUTHORIZED error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiKeyInterceptor implements WebGraphQlInterceptor {

    static final String HEADER = CallerResolver.HEADER;

    private final CallerResolver callers;

    ApiKeyInterceptor(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Caller caller;
        try {
            caller = this.callers.resolve(request.getHeaders().getFirst(HEADER),
                    SecurityContextHolder.getContext().getAuthentication(),
                    request.getRemoteAddress() == null ? null : request.getRemoteAddress().getAddress());
        }
        catch (CallerResolver.UnknownApiKeyException ex) {
            var error = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.UNAUTHORIZED)
                .message(ex.getMessage())
                .build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                    ExecutionResultImpl.newExecutionResult().errors(List.of(error)).build())));
        }
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(Caller.CONTEXT_KEY, caller);
            return input;
        });
        return chain.next(request);
    }

    static String sha256(String text) {
        return CallerResolver.sha256(text);
    }

}
