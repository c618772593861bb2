package org.casegraph.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each caller spends query cost from a budget that refills over time; past it, requests
 * are refused with the number of seconds to wait.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}",
                "casegraph.limits.cost-per-minute=700", "casegraph.api-keys[0].name=other-app",
                "casegraph.api-keys[0].sha256=24bb19ee1030fa498d4ebbe80aff4642ded92331ef4c71f7cbb9747316a5d376",
                "casegraph.api-keys[0].role=journalist" })
class RateLimitTests {

    @LocalServerPort
    int port;

    private String post(String key, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void expensiveRequestsUseUpTheBudgetAndTheAnswerSaysWhenToRetry() throws Exception {
        // search(first: 100) { edges { node { id } } } costs 301: two fit in a budget of
        // 700, a third does not
        // until about 17 s of refill.
        String expensive = "{ search(query: \\\"IJM\\\", first: 100) { edges { node { id } } } }";
        assertThat(post(null, expensive)).doesNotContain("Rate limit exceeded");
        assertThat(post(null, expensive)).doesNotContain("Rate limit exceeded");
        String refused = post(null, expensive);
        assertThat(refused).contains("Rate limit exceeded: this request costs")
            .contains("\"retryAfter\":")
            .contains("\"code\":\"RATE_LIMITED\"")
            .doesNotContain("\"edges\"");
        // Another caller has a budget of its own.
        assertThat(post("test-journalist-key", expensive)).doesNotContain("Rate limit exceeded");
    }

}
