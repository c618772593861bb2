package org.casegraph.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link Graph} uses the database, embedded or external.
 *
 * @param database the Neo4j database to use ({@code casegraph.database}; the server's
 * default when empty)
 * @param transactionTimeout how long one database transaction may run
 * ({@code casegraph.transaction-timeout}, which the embedded database applies too)
 */
@ConfigurationProperties("casegraph")
public record GraphProperties(@DefaultValue("") String database, @DefaultValue("10s") Duration transactionTimeout) {
}
