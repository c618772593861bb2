package org.casegraph.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import org.casegraph.support.CaseGraphStartupException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the caller's API key from {@code X-API-Key} and puts its role and name into the GraphQL context;
 * without a key the caller is {@link Role#PUBLIC}. An unknown key is refused rather than treated as public, so
 * a mistyped key is noticed at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiKeyInterceptor implements WebGraphQlInterceptor {

    static final String HEADER = "X-API-Key";

    private final Map<String, ApiKeyProperties.ApiKey> keysByHash = new HashMap<>();

    ApiKeyInterceptor(ApiKeyProperties properties) {
        for (ApiKeyProperties.ApiKey key : properties.apiKeys()) {
            if (key.sha256() == null || !key.sha256().matches("[0-9a-fA-F]{64}") || key.role() == null || key.name() == null) {
                throw new CaseGraphStartupException("casegraph.api-keys: every key needs a name, a role and the sha256 "
                        + "of the key as 64 hex digits (printf %s \"$KEY\" | sha256sum)");
            }
            this.keysByHash.put(key.sha256().toLowerCase(Locale.ROOT), key);
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String presented = request.getHeaders().getFirst(HEADER);
        Role role = Role.PUBLIC;
        String actor = "anonymous@" + (request.getRemoteAddress() == null ? "unknown"
                : request.getRemoteAddress().getAddress().getHostAddress());
        if (presented != null) {
            ApiKeyProperties.ApiKey key = this.keysByHash.get(sha256(presented.strip()));
            if (key == null) {
                var error = GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.UNAUTHORIZED)
                    .message("The API key in " + HEADER + " is not known to this server")
                    .build();
                return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                        ExecutionResultImpl.newExecutionResult().errors(List.of(error)).build())));
            }
            role = key.role();
            actor = "key:" + key.name();
        }
        Role callerRole = role;
        String callerName = actor;
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(Role.CONTEXT_KEY, callerRole);
            input.getGraphQLContext().put(Role.ACTOR_KEY, callerName);
            return input;
        });
        return chain.next(request);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
