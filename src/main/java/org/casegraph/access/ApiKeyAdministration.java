package org.casegraph.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.casegraph.graph.Graph;
import org.casegraph.support.Refusal;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * Admins issue and revoke API keys through the API; the database keeps each key's hash,
 * never the key.
 */
@Controller
class ApiKeyAdministration {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Graph graph;

    ApiKeyAdministration(Graph graph) {
        this.graph = graph;
    }

    record ApiKey(String name, String role, String createdAt, String createdBy, boolean revoked) {
    }

    record CreatedApiKey(String name, String role, String key) {
    }

    record CreateApiKeyInput(String name, String role) {
    }

    /**
     * A key stored in the database, by the hash of a presented key; empty when unknown or
     * revoked.
     */
    Optional<ApiKeyProperties.ApiKey> find(String sha256) {
        return this.graph
            .query("MATCH (k:ApiKey {sha256: $sha256}) WHERE NOT k.revoked RETURN k.name AS name, k.role AS role",
                    Map.of("sha256", sha256),
                    (r) -> new ApiKeyProperties.ApiKey(r.get("name").asString(), sha256,
                            Role.valueOf(r.get("role").asString())))
            .stream()
            .findFirst();
    }

    @QueryMapping
    List<ApiKey> apiKeys(Caller caller) {
        caller.require(Permission.MANAGE_API_KEYS);
        return this.graph.query("""
                MATCH (k:ApiKey) RETURN k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt,
                       k.createdBy AS createdBy, k.revoked AS revoked ORDER BY k.name
                """, Map.of(), ApiKeyAdministration::asApiKey);
    }

    @MutationMapping
    CreatedApiKey createApiKey(@Argument CreateApiKeyInput input, Caller caller) {
        caller.require(Permission.MANAGE_API_KEYS);
        String actor = caller.actor();
        if (input.name() == null || !input.name().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new KeyException(ErrorType.BAD_REQUEST,
                    "a key name is 1 to 64 letters, digits, dots, hyphens or underscores");
        }
        Role keyRole;
        try {
            keyRole = Role.valueOf(String.valueOf(input.role()).toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new KeyException(ErrorType.BAD_REQUEST,
                    "unknown role '" + input.role() + "'; one of public, journalist, " + "investigator, editor, admin");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "cg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.graph.write((tx) -> {
            boolean taken = tx
                .run("MATCH (k:ApiKey {name: $name}) RETURN count(k) > 0 AS taken", Map.of("name", input.name()))
                .single()
                .get("taken")
                .asBoolean();
            if (taken) {
                throw new KeyException(ErrorType.BAD_REQUEST, "a key named '" + input.name() + "' exists already");
            }
            tx.run("""
                    CREATE (:ApiKey {name: $name, sha256: $sha256, role: $role, createdAt: datetime(), createdBy: $actor,
                                     revoked: false})
                    CREATE (:AuditEntry {at: datetime(), actor: $actor, action: 'createApiKey', target: 'apikey/' + $name,
                                         before: '', after: $role})
                    """,
                    Map.of("name", input.name(), "sha256", ApiKeyInterceptor.sha256(key), "role", keyRole.name(),
                            "actor", actor == null ? "anonymous" : actor))
                .consume();
            return null;
        });
        return new CreatedApiKey(input.name(), keyRole.name().toLowerCase(Locale.ROOT), key);
    }

    @MutationMapping
    ApiKey revokeApiKey(@Argument String name, Caller caller) {
        caller.require(Permission.MANAGE_API_KEYS);
        String actor = caller.actor();
        return this.graph.write((tx) -> {
            var revoked = tx
                .run("""
                        MATCH (k:ApiKey {name: $name}) SET k.revoked = true
                        CREATE (:AuditEntry {at: datetime(), actor: $actor, action: 'revokeApiKey', target: 'apikey/' + $name,
                                             before: k.role, after: 'revoked'})
                        RETURN k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt, k.createdBy AS createdBy,
                               k.revoked AS revoked
                        """,
                        Map.of("name", name, "actor", actor == null ? "anonymous" : actor))
                .list();
            if (revoked.isEmpty()) {
                throw new KeyException(ErrorType.NOT_FOUND, "no key is named '" + name + "'");
            }
            return asApiKey(revoked.get(0));
        });
    }

    private static ApiKey asApiKey(Record record) {
        return new ApiKey(record.get("name").asString(), record.get("role").asString().toLowerCase(Locale.ROOT),
                record.get("createdAt").asString(), record.get("createdBy").asString(),
                record.get("revoked").asBoolean());
    }

    static final class KeyException extends RuntimeException implements Refusal {

        private final ErrorType type;

        KeyException(ErrorType type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public ErrorType errorType() {
            return this.type;
        }

    }

}
