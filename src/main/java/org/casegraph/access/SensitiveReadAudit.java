package org.casegraph.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.graph.Graph;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records every read of something sensitive: after a response to an investigator or
 * above, each entity and relationship it read that is sensitive or has sensitive fields
 * gets an audit entry naming the reader. The records the mapper noted as sensitive are
 * recorded, and any other id in the response that the mapper did not see is checked in
 * the database; a response that read nothing sensitive costs no transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SensitiveReadAudit implements WebGraphQlInterceptor {

    private final Graph graph;

    SensitiveReadAudit(Graph graph) {
        this.graph = graph;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map((response) -> {
            Caller caller = Caller.of(response.getExecutionInput().getGraphQLContext());
            if (caller.may(Permission.SEE_SENSITIVE) && response.getData() != null) {
                SensitiveReads.Reads reads = SensitiveReads.ofCurrentRequest();
                Set<String> ids = new LinkedHashSet<>(reads.sensitive());
                collectIds(response.getData(), reads.seen(), ids);
                if (!ids.isEmpty()) {
                    record(caller.actor(), ids);
                }
            }
            return response;
        });
    }

    /**
     * Records that {@code actor} read those of {@code ids} (entity or relationship ids)
     * that are sensitive or have sensitive fields; the others are checked and left out.
     * Also for reads outside GraphQL, such as exports.
     */
    public void record(String actor, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        this.graph.write((tx) -> tx.run("""
                UNWIND $ids AS id
                CALL (id) {
                  MATCH (n:Entity {id: id}) WHERE n.visibility = 'sensitive' OR n.sensitiveFields IS NOT NULL
                  RETURN n.id AS target
                  UNION
                  WITH id, split(id, '|') AS ends WHERE size(ends) = 3
                  MATCH (:Entity {id: ends[0]})-[r]->(:Entity {id: ends[2]})
                  WHERE r.id = id AND (r.visibility = 'sensitive' OR r.sensitiveFields IS NOT NULL)
                  RETURN r.id AS target
                }
                CREATE (:AuditEntry {at: datetime(), actor: $actor, action: 'readSensitive', target: target,
                                     before: '', after: ''})
                """, Map.of("ids", List.copyOf(ids), "actor", actor)).consume());
    }

    /**
     * Every value of an {@code id} field anywhere in the response data that is not among
     * the ones already known.
     */
    private static void collectIds(Object data, Set<String> known, Set<String> ids) {
        if (data instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("id".equals(key) && value instanceof String id) {
                    if (!known.contains(id)) {
                        ids.add(id);
                    }
                }
                else {
                    collectIds(value, known, ids);
                }
            });
        }
        else if (data instanceof Collection<?> list) {
            list.forEach((item) -> collectIds(item, known, ids));
        }
    }

}
