package org.casegraph.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People authenticate with JWT bearer tokens; their role comes from the token's roles
 * claim.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "casegraph.embedded.bolt-port=0", "casegraph.data-dir=target/test-data/${random.uuid}" })
class JwtTests {

    private static final KeyPair KEYS = keys();

    private static final KeyPair OTHER_KEYS = keys();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry properties) throws Exception {
        Path pem = Files.createTempFile("casegraph-jwt", ".pem");
        Files.writeString(pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String token(KeyPair keys, String subject, List<String> roles) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder().subject(subject)
                    .claim("roles", roles)
                    .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                    .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private HttpResponse<String> post(String token, String document, Map<String, Object> variables) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of("query", document, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String CREATE = "mutation($input: CreateEntityInput!) { createEntity(input: $input) { version } }";

    private static Map<String, Object> person(String id) {
        return Map.of("input", Map.of("id", id, "type", "Person", "name", "Token Person", "sources",
                List.of(Map.of("document", "document/the-current-trofimov-arrest-order", "quote", "IJM"))));
    }

    @Test
    void anEditorsTokenMayWrite() throws Exception {
        HttpResponse<String> response = post(token(KEYS, "ana@example.org", List.of("journalist", "editor")), CREATE,
                person("person/written-with-a-token"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"version\":1").doesNotContain("errors");
    }

    @Test
    void aJournalistsTokenMayNot() throws Exception {
        HttpResponse<String> response = post(token(KEYS, "jo@example.org", List.of("journalist")), CREATE,
                person("person/journalist-token-write"));
        assertThat(response.body()).contains("only editors may change the graph");
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        HttpResponse<String> response = post(token(OTHER_KEYS, "mallory@example.org", List.of("admin")), CREATE,
                person("person/forged-write"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(post(null, "{ entity(id: \"person/forged-write\") { id } }", Map.of()).body())
            .contains("\"entity\":null");
    }

    @Test
    void readersNeedNoToken() throws Exception {
        HttpResponse<String> response = post(null, "{ entity(id: \"person/marco-rubio\") { name } }", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Marco Rubio");
    }

}
