package org.casegraph.graph;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.casegraph.embedded.EmbeddedNeo4j;
import org.casegraph.embedded.EmbeddedNeo4jLauncher;
import org.casegraph.embedded.EmbeddedNeo4jProperties;
import org.casegraph.support.CaseGraphStartupException;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.NotificationSeverity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * One code path for embedded and external Neo4j: the driver. The embedded database only
 * exists when no {@code spring.neo4j.uri} is configured.
 */
@Configuration(proxyBeanMethods = false)
class GraphConfiguration {

    private static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    @Bean(destroyMethod = "close")
    @Conditional(NoExternalNeo4j.class)
    @Lazy
    EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties,
            ObjectProvider<EmbeddedNeo4jLauncher.Launch> launch) {
        EmbeddedNeo4jLauncher.Launch started = launch.getIfAvailable();
        return started != null ? started.await() : EmbeddedNeo4j.start(properties);
    }

    /** Closed by {@link Graph}, which bounds how long closing may take. */
    @Bean(destroyMethod = "")
    @Lazy
    Driver neo4jDriver(Neo4jConnectionProperties connection, ObjectProvider<EmbeddedNeo4j> embedded) {
        // Nothing reads the notifications a statement may carry (a property key no record
        // has yet, say): asking for none spares the database formatting them on every
        // request. Tests check the statements with them on (CypherNotificationsTests).
        Config config = Config.builder()
            .withMinimumNotificationSeverity(NotificationSeverity.OFF)
            .withConnectionTimeout(5, TimeUnit.SECONDS)
            .withMaxTransactionRetryTime(5, TimeUnit.SECONDS)
            .withConnectionAcquisitionTimeout(10, TimeUnit.SECONDS)
            .withMaxConnectionPoolSize(64)
            .build();
        Driver driver;
        if (connection.external()) {
            String scheme = connection.uri().getScheme();
            if (scheme == null || !SCHEMES.contains(scheme)) {
                throw new CaseGraphStartupException(
                        "spring.neo4j.uri must start with one of " + SCHEMES + ", not '" + connection.uri() + "'");
            }
            driver = GraphDatabase.driver(connection.uri(), authToken(connection.authentication()), config);
        }
        else {
            driver = GraphDatabase.driver(embedded.getObject().boltUri(), AuthTokens.none(), config);
        }
        try {
            driver.verifyConnectivity();
        }
        catch (RuntimeException ex) {
            driver.close();
            throw ex;
        }
        return driver;
    }

    @Bean
    Graph graph(ObjectProvider<Driver> driver, GraphProperties properties, ConfigurableListableBeanFactory beans) {
        // The driver, and the embedded database behind it, are made on the first
        // statement (see Graph), so Spring does not know the Graph uses them: said here,
        // so that the Graph closes the driver before the database stops.
        if (beans.containsBeanDefinition("embeddedNeo4j")) {
            beans.registerDependentBean("embeddedNeo4j", "graph");
        }
        return new Graph(driver, properties.database(), properties.transactionTimeout());
    }

    private static AuthToken authToken(Neo4jConnectionProperties.Authentication authentication) {
        if (authentication.password() == null || authentication.password().isEmpty()) {
            return AuthTokens.none();
        }
        return AuthTokens.basic(authentication.username(), authentication.password());
    }

}
