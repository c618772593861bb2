package org.casegraph.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casegraph.access.SensitiveReads;
import org.casegraph.access.Visibility;
import org.casegraph.graph.Graph;
import org.casegraph.graph.PartialDate;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * Entities and their relationships by id, always in batches so that a request's cost does
 * not grow with its result.
 */
@Repository
public class EntityRepository {

    /**
     * What a relationship looks like to the mapper: its properties plus type and end ids.
     */
    public static final String RELATIONSHIP_PROJECTION = Visibility.relationship("r");

    private final Graph graph;

    EntityRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The entity with this id, or the one it was merged into; parameters id and visible.
     * Public so that the benchmark runs exactly what the API runs.
     */
    public static final String FIND_BY_ID = """
            OPTIONAL MATCH (n:Entity {id: $id})
            OPTIONAL MATCH (:Alias {id: $id})-[:ALIAS_OF]->(merged:Entity)
            WITH coalesce(n, merged) AS n
            WHERE n IS NOT NULL AND %s
            RETURN %s AS n
            """.formatted(Visibility.visible("n"), Visibility.entity("n"));

    /** The entity with this id, or the one it was merged into. */
    public Optional<Entity> findById(String id, List<String> visible) {
        return this.graph
            .query(FIND_BY_ID, Map.of("id", id, "visible", visible), (r) -> EntityMapper.asEntity(r.get("n")))
            .stream()
            .findFirst();
    }

    public Map<String, Entity> findAllById(Collection<String> ids, List<String> visible) {
        Map<String, Entity> byId = new HashMap<>();
        this.graph
            .query("MATCH (n:Entity) WHERE n.id IN $ids AND " + Visibility.visible("n") + " RETURN "
                    + Visibility.entity("n") + " AS n", Map.of("ids", List.copyOf(ids), "visible", visible),
                    (r) -> EntityMapper.asEntity(r.get("n")))
            .forEach((entity) -> byId.put(entity.id(), entity));
        return byId;
    }

    /** One query for all the requested entities' relationships. */
    public Map<RelationshipQuery, List<Relationship>> relationships(Collection<RelationshipQuery> queries,
            List<String> visible) {
        List<Map<String, Object>> keys = queries.stream().map(RelationshipQuery::asParameters).toList();
        Map<RelationshipQuery, List<Relationship>> result = new HashMap<>();
        List<RelationshipQuery> ordered = List.copyOf(queries);
        this.graph.query(
                """
                        UNWIND range(0, size($keys) - 1) AS i
                        WITH i, $keys[i] AS key
                        OPTIONAL MATCH (n:Entity {id: key.id})
                        CALL {
                          WITH n, key
                          OPTIONAL MATCH (n)-[r]-(m:Entity)
                          WHERE %s AND coalesce(r.visibility, 'public') IN $visible
                            AND (key.types IS NULL OR type(r) IN key.types)
                            AND (key.direction = 'BOTH'
                              OR (key.direction = 'OUTGOING' AND startNode(r) = n)
                              OR (key.direction = 'INCOMING' AND endNode(r) = n))
                            AND (key.asOf IS NULL
                              OR ((r.validFrom IS NULL OR r.validFrom <= key.asOf + '~') AND (r.validTo IS NULL OR r.validTo >= key.asOf)))
                          WITH r, key ORDER BY type(r), r.id
                          WITH key, collect(%s) AS all
                          RETURN all[0..key.first] AS relationships
                        }
                        RETURN i, relationships
                        """
                    .formatted(Visibility.visible("m"), RELATIONSHIP_PROJECTION),
                Map.of("keys", keys, "visible", visible), (r) -> {
                    result.put(ordered.get(r.get("i").asInt()),
                            r.get("relationships").asList(EntityMapper::asRelationship));
                    return null;
                });
        return result;
    }

    /**
     * The entities linked to each asked-for entity by the given types and direction, in
     * one query: events in the timeline's order (their sortKey), anything else by name.
     */
    public Map<LinkQuery, List<Entity>> linked(Collection<LinkQuery> queries, List<String> visible) {
        List<LinkQuery> ordered = List.copyOf(queries);
        List<Map<String, Object>> keys = ordered.stream()
            .map((query) -> Map.<String, Object>of("id", query.id(), "types", query.types(), "direction",
                    query.direction()))
            .toList();
        Map<LinkQuery, List<Entity>> result = new HashMap<>();
        this.graph.query("""
                UNWIND range(0, size($keys) - 1) AS i
                WITH i, $keys[i] AS key
                MATCH (n:Entity {id: key.id})
                CALL {
                  WITH n, key
                  MATCH (n)-[r]-(m:Entity)
                  WHERE type(r) IN key.types AND %s AND coalesce(r.visibility, 'public') IN $visible
                    AND (key.direction = 'BOTH'
                      OR (key.direction = 'OUTGOING' AND startNode(r) = n)
                      OR (key.direction = 'INCOMING' AND endNode(r) = n))
                  WITH DISTINCT m
                  ORDER BY m.sortKey, m.date, m.name, m.id
                  RETURN collect(%s) AS linked
                }
                RETURN i, linked
                """.formatted(Visibility.visible("m"), Visibility.entity("m")),
                Map.of("keys", keys, "visible", visible), (r) -> {
                    result.put(ordered.get(r.get("i").asInt()), r.get("linked").asList(EntityMapper::asEntity));
                    return null;
                });
        return result;
    }

    /** Entities linked to one entity by some relationship types in one direction. */
    public record LinkQuery(String id, List<String> types, String direction) {
    }

    /** Legal events per case for each person asked about, in one query. */
    public Map<LegalStatusQuery, List<LegalStatus>> legalStatus(Collection<LegalStatusQuery> queries,
            List<String> visible) {
        List<LegalStatusQuery> ordered = List.copyOf(queries);
        List<Map<String, Object>> keys = ordered.stream().map((query) -> {
            Map<String, Object> key = new HashMap<>();
            key.put("id", query.personId());
            key.put("asOf", PartialDate.upperBound(query.asOf()));
            key.put("caseId", query.caseId());
            return key;
        }).toList();
        Map<LegalStatusQuery, List<LegalStatus>> result = new HashMap<>();
        ordered.forEach((query) -> result.put(query, new java.util.ArrayList<>()));
        this.graph
            .query("""
                    UNWIND range(0, size($keys) - 1) AS i
                    WITH i, $keys[i] AS key
                    MATCH (p:Entity {id: key.id})
                    CALL {
                      WITH p, key
                      MATCH (p)-[s:SUBJECT_OF]->(e:Event)-[o:PART_OF]->(c:Case)
                      WHERE e.kind IN $kinds AND (key.asOf IS NULL OR e.date <= key.asOf)
                        AND (key.caseId IS NULL OR c.id = key.caseId) AND %s AND %s
                        AND coalesce(s.visibility, 'public') IN $visible AND coalesce(o.visibility, 'public') IN $visible
                      RETURN c, e, %s AS via
                      UNION
                      WITH p, key
                      MATCH (p)-[d:DEFENDANT_IN]->(c:Case)
                      WHERE (key.caseId IS NULL OR c.id = key.caseId) AND %s AND coalesce(d.visibility, 'public') IN $visible
                      RETURN c, null AS e, %s AS via
                    }
                    WITH i, c, collect(%s) AS events, collect(via) AS vias
                    RETURN i, c.id AS caseId, events, reduce(ids = [], via IN vias | ids + via) AS via
                    ORDER BY i, caseId
                    """
                .formatted(Visibility.visible("e"), Visibility.visible("c"), Visibility.sensitiveAmong("s", "o", "c"),
                        Visibility.visible("c"), Visibility.sensitiveAmong("d", "c"), Visibility.entity("e")),
                    Map.of("keys", keys, "kinds", List.copyOf(LegalStatus.LEGAL_KINDS), "visible", visible), (r) -> {
                        // The standing reveals the case and the links it rests on,
                        // whatever fields are selected.
                        SensitiveReads.walked(r.get("via").asList(Value::asString));
                        List<Event> events = r.get("events").asList((e) -> (Event) EntityMapper.asEntity(e));
                        result.get(ordered.get(r.get("i").asInt()))
                            .add(LegalStatus.of(r.get("caseId").asString(), events));
                        return null;
                    });
        return result;
    }

    public record LegalStatusQuery(String personId, String asOf, String caseId) {
    }

    /** The relationships of one entity that a client asked for. */
    public record RelationshipQuery(String id, List<String> types, String direction, String asOf, int first) {

        Map<String, Object> asParameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("id", this.id);
            parameters.put("types", this.types);
            parameters.put("direction", this.direction);
            parameters.put("asOf", this.asOf);
            parameters.put("first", this.first);
            return parameters;
        }

    }

}
