package org.casegraph.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.CaseGraphTest;
import org.casegraph.entity.EntityRepository;
import org.casegraph.search.SearchRepository;
import org.casegraph.timeline.TimelineRepository;
import org.casegraph.trace.TraceRepository;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.NotificationClassification;
import org.neo4j.driver.NotificationSeverity;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements behind the API's reads plan without a warning: no deprecated syntax that
 * a Neo4j upgrade would refuse, no accidental cartesian product or unbounded pattern. The
 * application asks Neo4j for no notifications at all (formatting them cost time on every
 * request), so this is where they are read. A property key no record holds yet is data,
 * not a fault of the statement: that class is left out.
 */
@CaseGraphTest
class CypherNotificationsTests {

    private static final Set<String> PROPERTIES = Set.of("id", "name", "date");

    /**
     * Every parameter the statements take (a statement ignores those it does not use).
     */
    private static final Map<String, Object> PARAMETERS = Graph.parameters("id", "x", "visible", List.of("public"),
            "limit", 50, "excludeIds", List.of(), "excludeTypes", List.of(), "from", null, "to", null, "validFrom",
            null, "validTo", null, "entityId", "x", "kinds", null, "afterKey", null, "afterId", null, "names", "x",
            "texts", "x", "maxHits", 500, "types", null, "exact", "x", "skip", 0, "first", 10);

    @Autowired
    Driver driver;

    private static Map<String, String> statements() {
        Map<String, String> statements = new LinkedHashMap<>();
        for (int depth = 1; depth <= 3; depth++) {
            statements.put("neighbourhood, depth " + depth, TraceRepository.neighborhoodCypher(depth, "", true, null));
            statements.put("neighbourhood of names, depth " + depth,
                    TraceRepository.neighborhoodCypher(depth, ":MEMBER_OF|FUNDS", false, PROPERTIES));
        }
        statements.put("paths", TraceRepository.pathsCypher(3, "", 4));
        statements.put("paths of one step", TraceRepository.pathsCypher(1, "", 1));
        statements.put("entity", EntityRepository.FIND_BY_ID);
        statements.put("timeline of an entity", TimelineRepository.ENTITY_EVENTS);
        statements.put("timeline of an entity, few fields", TimelineRepository.eventsCypher(true, PROPERTIES));
        statements.put("timeline count of an entity", TimelineRepository.ENTITY_COUNT);
        statements.put("timeline", TimelineRepository.ALL_EVENTS);
        statements.put("timeline count", TimelineRepository.ALL_COUNT);
        statements.put("search", SearchRepository.searchCypher(null));
        statements.put("search, few fields", SearchRepository.searchCypher(PROPERTIES));
        statements.put("search count", SearchRepository.COUNT);
        return statements;
    }

    @Test
    void theApiStatementsPlanWithoutWarnings() {
        SessionConfig warnings = SessionConfig.builder()
            .withMinimumNotificationSeverity(NotificationSeverity.WARNING)
            .withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED))
            .build();
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (var session = this.driver.session(warnings)) {
            statements().forEach((name, cypher) -> {
                List<String> notifications = session.run("EXPLAIN " + cypher, PARAMETERS)
                    .consume()
                    .notifications()
                    .stream()
                    .map((n) -> n.code() + ": " + n.description())
                    .toList();
                if (!notifications.isEmpty()) {
                    found.put(name, notifications);
                }
            });
        }
        assertThat(found).isEmpty();
    }

    /**
     * The check above can fail: a subquery importing with WITH, which Neo4j deprecated
     * for a scope clause, is reported.
     */
    @Test
    void aDeprecatedSubqueryIsReported() {
        SessionConfig warnings = SessionConfig.builder()
            .withMinimumNotificationSeverity(NotificationSeverity.WARNING)
            .build();
        try (var session = this.driver.session(warnings)) {
            var notifications = session.run("EXPLAIN MATCH (x:Entity) CALL { WITH x RETURN x.id AS id } RETURN id")
                .consume()
                .notifications();
            assertThat(notifications).extracting((n) -> n.code())
                .contains("Neo.ClientNotification.Statement.FeatureDeprecationWarning");
        }
    }

}
