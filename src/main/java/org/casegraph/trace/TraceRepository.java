package org.casegraph.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.access.Visibility;
import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityRepository;
import org.casegraph.entity.Relationship;
import org.casegraph.graph.Graph;
import org.casegraph.graph.PartialDate;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

/**
 * Neighbourhoods and paths, each in one Cypher statement.
 */
@Repository
public class TraceRepository {

    private final Graph graph;

    TraceRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The entities up to {@code depth} hops away, nearest first, at most {@code limit} of them, and the
     * relationships among them. A breadth-first search, one level at a time from the level before, that stops
     * as soon as the levels found hold more than {@code limit} entities: a hub's neighbourhood costs its direct
     * neighbours, not every entity two hops away.
     */
    Subgraph neighborhood(String id, int depth, String types, int limit, List<String> visible) {
        List<Subgraph> result = this.graph.query(neighborhoodCypher(depth, types),
                Map.of("id", id, "limit", limit, "visible", visible),
                (r) -> new Subgraph(r.get("nodes").asList(EntityMapper::asEntity),
                        r.get("relationships").asList(EntityMapper::asRelationship), r.get("truncated").asBoolean()));
        return result.isEmpty() ? null : result.get(0);
    }

    /**
     * The neighbourhood statement for a depth and a checked type pattern; parameters id, limit and visible. A
     * hidden entity is neither returned nor passed through.
     */
    public static String neighborhoodCypher(int depth, String types) {
        StringBuilder levels = new StringBuilder();
        for (int d = 1; d <= depth; d++) {
            // Level d: unseen visible entities linked by a visible relationship to level d - 1, in id order;
            // nothing when the levels before already hold more than the limit.
            String from = d == 1 ? "UNWIND [start] AS a"
                    : "UNWIND CASE WHEN size(found) <= $limit THEN level%d ELSE [] END AS a".formatted(d - 1);
            levels.append(("""
                    CALL {
                      WITH start, found%s
                      %s
                      MATCH (a)-[r%s]-(m:Entity)
                      WHERE m <> start AND NOT m IN found AND coalesce(r.visibility, 'public') IN $visible
                        AND coalesce(m.visibility, 'public') IN $visible
                      WITH DISTINCT m ORDER BY m.id
                      RETURN collect(m) AS level%d
                    }
                    WITH start, found + level%d AS found, level%d
                    """).formatted(d == 1 ? "" : ", level" + (d - 1), from, types, d, d, d));
        }
        return """
                MATCH (start:Entity {id: $id})
                WHERE coalesce(start.visibility, 'public') IN $visible
                WITH start, [] AS found
                %s\
                WITH start, [start] + found[0..$limit] AS nodes, size(found) > $limit AS truncated
                CALL {
                  WITH nodes
                  UNWIND nodes AS a
                  MATCH (a)-[r%s]->(b)
                  WHERE b IN nodes AND coalesce(r.visibility, 'public') IN $visible
                  RETURN collect(%s) AS relationships
                }
                RETURN [x IN nodes | %s] AS nodes, relationships, truncated
                """.formatted(levels, types, EntityRepository.RELATIONSHIP_PROJECTION, Visibility.entity("x"));
    }

    /**
     * How many candidate routes, shortest first, the search collects before it ranks them. Every route shorter than
     * the longest one returned is always among them; when more routes than this tie at that longest length (around
     * hubs), the hub tie-break ranks the first ones found, so that a hub costs a bounded amount of work.
     */
    static final int ROUTE_CANDIDATES = 100;

    /**
     * Up to {@code first} routes, shortest first and, among routes of one length, those through the fewest and
     * smallest hubs first (see {@link #pathsCypher}); never through the excluded entities or types, and only over
     * relationships valid in the time window when one is given.
     */
    List<Path> paths(PathQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", query.fromId());
        parameters.put("to", query.toId());
        parameters.put("excludeIds", query.excludeIds());
        parameters.put("excludeTypes", query.excludeTypes());
        parameters.put("validFrom", query.validFrom());
        parameters.put("validTo", PartialDate.upperBound(query.validTo()));
        parameters.put("visible", query.visible());
        return this.graph.query(pathsCypher(query.first(), query.types(), query.maxLength()), parameters,
                TraceRepository::asPath);
    }

    private static Path asPath(Record record) {
        List<Entity> nodes = record.get("nodes").asList(EntityMapper::asEntity);
        List<List<Relationship>> grouped = record.get("hops")
            .asList((hop) -> hop.asList(EntityMapper::asRelationship));
        List<Hop> hops = new ArrayList<>(grouped.size());
        for (int i = 0; i < grouped.size(); i++) {
            hops.add(new Hop(nodes.get(i), nodes.get(i + 1), grouped.get(i)));
        }
        return new Path(nodes, List.copyOf(hops));
    }

    /**
     * The paths statement; parameters from, to, excludeIds, excludeTypes, validFrom and validTo (null for none),
     * and visible.
     * <p>
     * A route is a sequence of distinct entities. The search follows one relationship per pair of neighbours (the
     * followable one with the lowest element id), so parallel relationships do not multiply a route into variants
     * that crowd out other routes; the relationships of each hop are collected afterwards, for the chosen routes
     * only. {@code SHORTEST maxLength GROUPS} yields every route up to {@code maxLength} hops, shortest first, and
     * stops pulling after {@link #ROUTE_CANDIDATES}. The routes as short as the {@code first}-th one are then ranked
     * by length, then by hub score, the sum of the degrees of their intermediate entities (their published
     * relationships to other entities, the same for every caller, so the order never rests on a hidden link), then
     * by their ids.
     */
    public static String pathsCypher(int first, String types, int maxLength) {
        return """
                MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
                WHERE coalesce(a.visibility, 'public') IN $visible AND coalesce(b.visibility, 'public') IN $visible
                CALL {
                  WITH a, b
                  MATCH p = SHORTEST %3$d GROUPS (a)((u)-[r%2$s]-(x:Entity)
                      WHERE NOT x.id IN $excludeIds AND coalesce(x.visibility, 'public') IN $visible
                        AND (x = b OR NOT any(label IN labels(x) WHERE label IN $excludeTypes))
                        AND %4$s
                        AND NOT EXISTS { (u)-[s%2$s]-(x) WHERE elementId(s) < elementId(r) AND %5$s }
                  ){1,%3$d}(b)
                  WHERE all(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[0..i])
                  WITH nodes(p) AS route
                  LIMIT %6$d
                  WITH route ORDER BY size(route)
                  WITH collect(route) AS routes
                  WITH routes, size(routes[..%1$d][-1]) AS longest
                  RETURN [route IN routes WHERE size(route) <= longest] AS routes
                }
                CALL {
                  WITH routes
                  UNWIND routes AS route
                  UNWIND route[1..-1] AS n
                  WITH DISTINCT n
                  RETURN collect([n, COUNT { (n)-[h]-() WHERE type(h) <> 'ALIAS_OF' AND coalesce(h.visibility, 'public') = 'public' }]) AS degrees
                }
                UNWIND routes AS route
                WITH route, reduce(score = 0, n IN route[1..-1] | score + [d IN degrees WHERE d[0] = n][0][1]) AS hubScore
                ORDER BY size(route), hubScore, [n IN route | n.id]
                LIMIT %1$d
                CALL {
                  WITH route
                  UNWIND range(0, size(route) - 2) AS i
                  WITH i, route[i] AS u, route[i + 1] AS x
                  CALL {
                    WITH u, x
                    MATCH (u)-[r%2$s]-(x)
                    WHERE %4$s
                    WITH r ORDER BY type(r), r.id
                    RETURN collect(%7$s) AS relationships
                  }
                  WITH i, relationships ORDER BY i
                  RETURN collect(relationships) AS hops
                }
                RETURN [n IN route | %8$s] AS nodes, hops
                ORDER BY size(route), hubScore, [n IN route | n.id]
                """.formatted(first, types, maxLength, followable("r"), followable("s"), ROUTE_CANDIDATES,
                EntityRepository.RELATIONSHIP_PROJECTION, Visibility.entity("n"));
    }

    /** Relationship {@code r} may be followed: visible to the caller, and valid in the window when one is given. */
    private static String followable(String r) {
        return """
                coalesce(%1$s.visibility, 'public') IN $visible
                        AND ($validTo IS NULL OR %1$s.validFrom IS NULL OR %1$s.validFrom <= $validTo)
                        AND ($validFrom IS NULL OR %1$s.validTo IS NULL OR %1$s.validTo >= $validFrom)\
                """.formatted(r);
    }

    /** Entities linked directly to every one of the given entities, most links first. */
    List<CommonConnection> commonConnections(List<String> ids, int first, List<String> visible) {
        return this.graph.query("""
                UNWIND $ids AS id
                MATCH (x:Entity {id: id})-[r]-(m:Entity)
                WHERE NOT m.id IN $ids AND coalesce(x.visibility, 'public') IN $visible
                  AND coalesce(r.visibility, 'public') IN $visible
                  AND coalesce(m.visibility, 'public') IN $visible
                WITH m, collect(DISTINCT x.id) AS linked, collect(%s) AS relationships
                WHERE size(linked) = size($ids)
                WITH m, relationships
                ORDER BY size(relationships) DESC, m.id
                LIMIT $first
                RETURN %s AS m, relationships
                """.formatted(EntityRepository.RELATIONSHIP_PROJECTION, Visibility.entity("m")), Map.of("ids", ids, "first", first, "visible", visible),
                (r) -> new CommonConnection(EntityMapper.asEntity(r.get("m")),
                        r.get("relationships").asList(EntityMapper::asRelationship)));
    }

    record PathQuery(String fromId, String toId, int maxLength, int first, String types, List<String> excludeIds,
            List<String> excludeTypes, String validFrom, String validTo, List<String> visible) {
    }

}
