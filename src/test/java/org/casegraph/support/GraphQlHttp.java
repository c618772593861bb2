package org.casegraph.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL over HTTP as an app sends it, with an optional API key, for tests that need the
 * web layer (keys, roles, interceptors).
 */
public record GraphQlHttp(int port) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Posts a document; {@code key} may be null for an anonymous caller. Returns the
     * response as a map.
     */
    public Map<String, Object> post(String key, String document, Map<String, Object> variables) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))));
        if (key != null && !key.isEmpty()) {
            request.header("X-API-Key", key);
        }
        String body = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        @SuppressWarnings("unchecked")
        Map<String, Object> response = JSON.readValue(body, Map.class);
        return response;
    }

    /** Sends a query over GET, as a link or a cache would; {@code key} may be null. */
    public HttpResponse<String> get(String key, String query) throws Exception {
        return get(key, query, null, "application/graphql-response+json");
    }

    /**
     * The same with its variables as JSON text (or null) and the media type the client
     * accepts.
     */
    public HttpResponse<String> get(String key, String query, String variables, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + (variables == null ? "" : "&variables=" + URLEncoder.encode(variables, StandardCharsets.UTF_8))))
            .header("Accept", accept);
        if (key != null && !key.isEmpty()) {
            request.header("X-API-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response as the JSON text a client reads. */
    public String text(String key, String document, Map<String, Object> variables) throws Exception {
        return JSON.writeValueAsString(post(key, document, variables));
    }

    /**
     * Runs a mutation taking {@code $input}, failing the test when it answers with an
     * error.
     */
    public String mutate(String key, String document, Map<String, Object> input) throws Exception {
        String response = text(key, document, Map.of("input", input));
        assertThat(response).as(response).doesNotContain("\"errors\"");
        return response;
    }

    /** The first error's message and extensions, failing when there is none. */
    public static String firstError(Map<String, Object> response) {
        List<?> errors = (List<?>) response.get("errors");
        assertThat(errors).as(String.valueOf(response)).isNotNull().isNotEmpty();
        return ((Map<?, ?>) errors.get(0)).get("message") + " " + ((Map<?, ?>) errors.get(0)).get("extensions");
    }

}
