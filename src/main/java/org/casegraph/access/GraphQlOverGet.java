package org.casegraph.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over HTTP GET ({@code /graphql?query=…&variables=…}), as the GraphQL-over-HTTP
 * specification allows, so that caches and links work; mutations are refused over GET
 * with 405, since GET must change nothing. A GET query runs as its caller, with the same
 * API key, token, rate limit and audit as a POST.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "casegraph.graphql.get.enabled", matchIfMissing = true)
class GraphQlOverGet {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private final WebGraphQlHandler graphQl;

    private final JsonMapper json;

    GraphQlOverGet(WebGraphQlHandler graphQl, JsonMapper json) {
        this.graphQl = graphQl;
        this.json = json;
    }

    /** Ahead of Spring for GraphQL's own route, which answers every GET with 405. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGetRoute(@Value("${spring.graphql.http.path:/graphql}") String path) {
        return RouterFunctions.route(RequestPredicates.GET(path), (request) -> {
            ResponseEntity<Map<String, Object>> response = query(request);
            ServerResponse.BodyBuilder builder = ServerResponse.status(response.getStatusCode())
                .headers((headers) -> headers.addAll(response.getHeaders()));
            return builder.body(response.getBody());
        });
    }

    private ResponseEntity<Map<String, Object>> query(ServerRequest http) {
        String query = http.param("query").orElse(null);
        String operationName = http.param("operationName").orElse(null);
        if (query == null || query.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "a GET request needs the parameter 'query'");
        }
        try {
            if (isMutation(query, operationName)) {
                return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .header("Allow", "POST")
                    .body(Map.of("errors", List.of(Map.of("message", "mutations are not allowed over GET; use POST"))));
            }
        }
        catch (InvalidSyntaxException ex) {
            // The execution below reports the syntax error the usual way.
        }
        Map<String, Object> parsedVariables;
        Map<String, Object> parsedExtensions;
        try {
            parsedVariables = jsonObject(http.param("variables").orElse(null));
            parsedExtensions = jsonObject(http.param("extensions").orElse(null));
        }
        catch (JacksonException | ClassCastException ex) {
            return error(HttpStatus.BAD_REQUEST, "'variables' and 'extensions' must be JSON objects");
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("operationName", operationName);
        body.put("variables", parsedVariables);
        body.put("extensions", parsedExtensions);
        // Through the same interceptors as a POST: the caller's API key or token, the
        // rate limit, the audit.
        var request = new WebGraphQlRequest(http.uri(), http.headers().asHttpHeaders(), new LinkedMultiValueMap<>(),
                http.remoteAddress().orElse(null), http.attributes(), body, UUID.randomUUID().toString(),
                http.servletRequest().getLocale());
        WebGraphQlResponse response = this.graphQl.handleRequest(request).block();
        Role role = Caller.of(response.getExecutionInput().getGraphQLContext()).role();
        MediaType type = responseType(http);
        // As a POST answers: in the GraphQL response type, a request that produced no
        // data is a bad request.
        boolean badRequest = type.equals(GRAPHQL_RESPONSE) && !response.getExecutionResult().isDataPresent();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(badRequest ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
            .contentType(type)
            .header(HttpHeaders.VARY, ApiKeyInterceptor.HEADER + ", " + HttpHeaders.AUTHORIZATION);
        if (role != Role.PUBLIC) {
            // A cache may keep what anyone may read, never what a key or token was needed
            // for.
            answer.header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
        return answer.body(response.toMap());
    }

    /**
     * {@code application/json} for a client that asks for it and not for the GraphQL
     * response type, as over POST.
     */
    private static MediaType responseType(ServerRequest http) {
        List<MediaType> accepted = http.headers().accept();
        boolean json = accepted.stream().anyMatch((type) -> type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON))
                && accepted.stream().noneMatch((type) -> type.equalsTypeAndSubtype(GRAPHQL_RESPONSE));
        return json ? MediaType.APPLICATION_JSON : GRAPHQL_RESPONSE;
    }

    private static boolean isMutation(String query, String operationName) {
        Document document = Parser.parse(query);
        return document.getDefinitionsOfType(OperationDefinition.class)
            .stream()
            .filter((operation) -> operationName == null || operationName.equals(operation.getName()))
            .anyMatch((operation) -> operation.getOperation() != OperationDefinition.Operation.QUERY);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonObject(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return (Map<String, Object>) this.json.readValue(text, Map.class);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("errors", List.of(Map.of("message", message))));
    }

}
