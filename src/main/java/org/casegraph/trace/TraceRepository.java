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
     * The entities up to {@code depth} hops away, nearest first, at most {@code limit} of
     * them, and the relationships among them. A breadth-first search, one level at a time
     * from the level before, that stops as soon as the levels found hold more than
     * {@code limit} entities: a hub's neighbourhood costs its direct neighbours, not
     * every entity two hops away.
     */
    Subgraph neighborhood(String id, int depth, String types, int limit, List<String> visible) {
        List<Subgraph> result = this.graph.query(neighborhoodCypher(depth, types),
                Map.of("id", id, "limit", limit, "visible", visible),
                (r) -> new Subgraph(r.get("nodes").asList(EntityMapper::asEntity),
                        r.get("relationships").asList(EntityMapper::asRelationship), r.get("truncated").asBoolean()));
        return result.isEmpty() ? null : result.get(0);
    }

    /**
     * The neighbourhood statement for a depth and a checked type pattern; parameters id,
     * limit and visible. A hidden entity is neither returned nor passed through.
     */
    public static String neighborhoodCypher(int depth, String types) {
        StringBuilder levels = new StringBuilder();
        for (int d = 1; d <= depth; d++) {
            // Level d: unseen visible entities linked by a visible relationship to level
            // d - 1, in id order;
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
     * How many routes of the longest length returned the ranking weighs at most: when
     * more tie there (around hubs), the first ones the search finds are ranked, so that a
     * hub costs a bounded amount of work.
     */
    static final int ROUTE_CANDIDATES = 100;

    /**
     * An entity's degree counts its relationships up to this many: beyond it, an entity
     * is simply a hub, and counting every relationship of a hub of thousands would cost
     * more than the search.
     */
    static final int DEGREE_CAP = 1000;

    /**
     * Up to {@code first} routes, shortest first and, among routes of one length, those
     * through the smallest hubs first (see {@link #pathsCypher}); never through the
     * excluded entities or types, and only over relationships valid in the time window
     * when one is given.
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
        List<List<Relationship>> grouped = record.get("hops").asList((hop) -> hop.asList(EntityMapper::asRelationship));
        List<Hop> hops = new ArrayList<>(grouped.size());
        for (int i = 0; i < grouped.size(); i++) {
            hops.add(new Hop(nodes.get(i), nodes.get(i + 1), grouped.get(i)));
        }
        return new Path(nodes, List.copyOf(hops));
    }

    /**
     * The paths statement; parameters from, to, excludeIds, excludeTypes, validFrom and
     * validTo (null for none), and visible.
     * <p>
     * A route is a sequence of distinct entities. The search follows one relationship per
     * pair of neighbours (the followable one with the lowest element id), so parallel
     * relationships do not multiply a route into variants that crowd out other routes;
     * the relationships of each hop are collected afterwards, for the chosen routes only.
     * A first search finds the {@code first} shortest routes, which tells how many
     * lengths ({@code groups}) the answer spans; a second one
     * ({@code SHORTEST groups GROUPS}, one branch per possible count, of which one runs)
     * yields every route of those lengths, at most {@link #ROUTE_CANDIDATES}, so that the
     * ties at the longest length can be ranked. Routes are ranked by length, then by hub
     * score, the sum of the degrees of their intermediate entities (their published
     * relationships to other entities, up to {@link #DEGREE_CAP}; the same for every
     * caller, so the order never rests on a hidden link), then by their ids.
     */
    public static String pathsCypher(int first, String types, int maxLength) {
        String steps = """
                (a)((u)-[r%1$s]-(x:Entity)
                      WHERE NOT x.id IN $excludeIds AND coalesce(x.visibility, 'public') IN $visible
                        AND (x = b OR NOT any(label IN labels(x) WHERE label IN $excludeTypes))
                        AND %2$s
                        AND NOT EXISTS { (u)-[s%1$s]-(x) WHERE elementId(s) < elementId(r) AND %3$s }
                    ){1,%4$d}(b)\
                """.formatted(types, followable("r"), followable("s"), maxLength);
        // No entity twice, checked during the search (inside the parentheses) so that a
        // walk that loops does not
        // take a route's place. A single hop cannot loop, and Neo4j refuses the
        // parentheses around one.
        String route = maxLength == 1 ? steps : """
                (%s
                    WHERE NOT a IN x AND all(i IN range(1, size(x) - 1) WHERE NOT x[i] IN x[0..i]))\
                """.formatted(steps);
        StringBuilder branches = new StringBuilder();
        for (int groups = 1; groups <= Math.min(first, maxLength); groups++) {
            branches.append(groups == 1 ? "" : "  UNION ALL\n").append("""
                      WITH a, b, groups
                      WITH a, b WHERE groups = %1$d
                      MATCH p = SHORTEST %1$d GROUPS %2$s
                      RETURN nodes(p) AS route
                      LIMIT %3$d
                    """.formatted(groups, route, ROUTE_CANDIDATES));
        }
        return """
                MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
                WHERE coalesce(a.visibility, 'public') IN $visible AND coalesce(b.visibility, 'public') IN $visible
                CALL {
                  WITH a, b
                  MATCH p = SHORTEST %1$d %2$s
                  RETURN count(DISTINCT length(p)) AS groups
                }
                CALL {
                %3$s\
                }
                WITH collect(route) AS routes
                CALL {
                  WITH routes
                  UNWIND routes AS route
                  UNWIND route[1..-1] AS n
                  WITH DISTINCT n
                  RETURN collect([n, COUNT {
                    MATCH (n)-[h]-()
                    WHERE type(h) <> 'ALIAS_OF' AND coalesce(h.visibility, 'public') = 'public'
                    RETURN h LIMIT %4$d
                  }]) AS degrees
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
                    MATCH (u)-[r%5$s]-(x)
                    WHERE %6$s
                    WITH r ORDER BY type(r), r.id
                    RETURN collect(%7$s) AS relationships
                  }
                  WITH i, relationships ORDER BY i
                  RETURN collect(relationships) AS hops
                }
                RETURN [n IN route | %8$s] AS nodes, hops
                ORDER BY size(route), hubScore, [n IN route | n.id]
                """
            .formatted(first, route, branches, DEGREE_CAP, types, followable("r"),
                    EntityRepository.RELATIONSHIP_PROJECTION, Visibility.entity("n"));
    }

    /**
     * Relationship {@code r} may be followed: visible to the caller, and valid in the
     * window when one is given.
     */
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
                """.formatted(EntityRepository.RELATIONSHIP_PROJECTION, Visibility.entity("m")),
                Map.of("ids", ids, "first", first, "visible", visible),
                (r) -> new CommonConnection(EntityMapper.asEntity(r.get("m")),
                        r.get("relationships").asList(EntityMapper::asRelationship)));
    }

    record PathQuery(String fromId, String toId, int maxLength, int first, String types, List<String> excludeIds,
            List<String> excludeTypes, String validFrom, String validTo, List<String> visible) {
    }

}
