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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's role and name into the GraphQL context: from the API key in
 * {@code X-API-Key}, else from a JWT bearer token, else the local development role for
 * requests from this machine, else {@link Role#PUBLIC}. An unknown key is refused rather
 * than treated as public, so a mistyped key is noticed at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiKeyInterceptor implements WebGraphQlInterceptor {

    static final String HEADER = "X-API-Key";

    private final Map<String, ApiKeyProperties.ApiKey> keysByHash = new HashMap<>();

    private final SecurityConfiguration.Callers callers;

    private final ApiKeyAdministration administration;

    ApiKeyInterceptor(ApiKeyProperties properties, SecurityConfiguration.Callers callers,
            ApiKeyAdministration administration) {
        this.callers = callers;
        this.administration = administration;
        for (ApiKeyProperties.ApiKey key : properties.apiKeys()) {
            if (key.sha256() == null || !key.sha256().matches("[0-9a-fA-F]{64}") || key.role() == null
                    || key.name() == null) {
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
            String hash = sha256(presented.strip());
            ApiKeyProperties.ApiKey key = this.keysByHash.get(hash);
            if (key == null) {
                key = this.administration.find(hash).orElse(null);
            }
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
        else {
            SecurityConfiguration.Caller caller = this.callers
                .fromToken(SecurityContextHolder.getContext().getAuthentication());
            if (caller == null && request.getRemoteAddress() != null) {
                caller = this.callers.local(request.getRemoteAddress().getAddress());
            }
            if (caller != null) {
                role = caller.role();
                actor = caller.name();
            }
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
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
