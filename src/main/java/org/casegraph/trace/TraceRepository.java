package org.casegraph.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.access.Visibility;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityRepository;
import org.casegraph.graph.Graph;
import org.casegraph.graph.PartialDate;
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
    Subgraph neighborhood(String id, int depth, String types, int limit, List<String> excludeIds, List<String> visible) {
        List<Subgraph> result = this.graph.query(neighborhoodCypher(depth, types, !excludeIds.isEmpty()),
                Map.of("id", id, "limit", limit, "visible", visible, "excludeIds", excludeIds),
                (r) -> new Subgraph(r.get("nodes").asList(EntityMapper::asEntity),
                        r.get("relationships").asList(EntityMapper::asRelationship), r.get("truncated").asBoolean()));
        return result.isEmpty() ? null : result.get(0);
    }

    /**
     * The neighbourhood statement for a depth and a checked type pattern; parameters id, limit and visible. A
     * hidden entity is neither returned nor passed through.
     */
    public static String neighborhoodCypher(int depth, String types) {
        return neighborhoodCypher(depth, types, false);
    }

    /** The same, leaving out (and not walking through) the entities in parameter excludeIds when {@code excluding}. */
    static String neighborhoodCypher(int depth, String types, boolean excluding) {
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
                        AND coalesce(m.visibility, 'public') IN $visible%s
                      WITH DISTINCT m ORDER BY m.id
                      RETURN collect(m) AS level%d
                    }
                    WITH start, found + level%d AS found, level%d
                    """).formatted(d == 1 ? "" : ", level" + (d - 1), from, types,
                    excluding ? " AND NOT m.id IN $excludeIds" : "", d, d, d));
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
     * Up to {@code first} shortest paths, shortest first, never through the excluded entities or types, and
     * only over relationships valid in the time window when one is given.
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
                (r) -> new Path(r.get("length").asInt(), r.get("nodes").asList(EntityMapper::asEntity),
                        r.get("relationships").asList(EntityMapper::asRelationship)));
    }

    /**
     * The paths statement; parameters from, to, excludeIds, excludeTypes, validFrom and validTo (null for none),
     * and visible.
     */
    public static String pathsCypher(int first, String types, int maxLength) {
        return """
                MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
                WHERE coalesce(a.visibility, 'public') IN $visible AND coalesce(b.visibility, 'public') IN $visible
                MATCH p = SHORTEST %d (a)(()-[r%s]-(x:Entity)
                    WHERE NOT x.id IN $excludeIds AND coalesce(x.visibility, 'public') IN $visible
                      AND coalesce(r.visibility, 'public') IN $visible
                      AND (x = b OR NOT any(label IN labels(x) WHERE label IN $excludeTypes))
                      AND ($validTo IS NULL OR r.validFrom IS NULL OR r.validFrom <= $validTo)
                      AND ($validFrom IS NULL OR r.validTo IS NULL OR r.validTo >= $validFrom)
                ){1,%d}(b)
                RETURN length(p) AS length, [n IN nodes(p) | %s] AS nodes,
                       [r IN relationships(p) | %s] AS relationships
                ORDER BY length
                """.formatted(first, types, maxLength, Visibility.entity("n"), EntityRepository.RELATIONSHIP_PROJECTION);
    }

    /** The given entities that exist and are visible, in the order asked, and every relationship among them. */
    Subgraph among(List<String> ids, String types, List<String> visible) {
        return this.graph.single("""
                UNWIND range(0, size($ids) - 1) AS i
                MATCH (n:Entity {id: $ids[i]})
                WHERE coalesce(n.visibility, 'public') IN $visible
                WITH n ORDER BY i
                WITH collect(n) AS nodes
                CALL {
                  WITH nodes
                  UNWIND nodes AS a
                  MATCH (a)-[r%s]->(b)
                  WHERE b IN nodes AND coalesce(r.visibility, 'public') IN $visible
                  RETURN collect(%s) AS relationships
                }
                RETURN [x IN nodes | %s] AS nodes, relationships
                """.formatted(types, EntityRepository.RELATIONSHIP_PROJECTION, Visibility.entity("x")),
                Map.of("ids", ids, "visible", visible),
                (r) -> new Subgraph(r.get("nodes").asList(EntityMapper::asEntity),
                        r.get("relationships").asList(EntityMapper::asRelationship), false));
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
