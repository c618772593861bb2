package org.casegraph.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys for apps and people, stored only as SHA-256 hashes:
 * {@code casegraph.api-keys[0].name=newsroom},
 * {@code casegraph.api-keys[0].sha256=<hex>}, {@code casegraph.api-keys[0].role=editor}.
 * Hash a key with {@code printf %s "$KEY" | sha256sum}.
 */
@ConfigurationProperties("casegraph")
public record ApiKeyProperties(@DefaultValue List<ApiKey> apiKeys) {

    public record ApiKey(String name, String sha256, Role role) {
    }

}
