package org.casegraph.graph;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where an external Neo4j is; with no {@code uri}, CaseGraph runs its own embedded
 * database.
 *
 * @param uri {@code bolt://}, {@code neo4j://} or {@code neo4j+s://} address of an
 * external server or cluster
 * @param authentication its credentials
 */
@ConfigurationProperties("spring.neo4j")
public record Neo4jConnectionProperties(URI uri, @DefaultValue Authentication authentication) {

    public record Authentication(@DefaultValue("neo4j") String username, String password) {
    }

    public boolean external() {
        return this.uri != null && !this.uri.toString().isBlank();
    }

}
