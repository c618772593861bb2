package org.casegraph.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casegraph.graph.Graph;
import org.springframework.stereotype.Repository;

/**
 * Entities and their relationships by id, always in batches so that a request's cost does not grow with its
 * result.
 */
@Repository
public class EntityRepository {

    /** What a relationship looks like to the mapper: its properties plus type and end ids. */
    public static final String RELATIONSHIP_PROJECTION = "r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}";

    private final Graph graph;

    EntityRepository(Graph graph) {
        this.graph = graph;
    }

    public Optional<Entity> findById(String id) {
        return this.graph.query("MATCH (n:Entity {id: $id}) RETURN n", Map.of("id", id),
                (r) -> EntityMapper.asEntity(r.get("n").asNode()))
            .stream()
            .findFirst();
    }

    public Map<String, Entity> findAllById(Collection<String> ids) {
        Map<String, Entity> byId = new HashMap<>();
        this.graph.query("MATCH (n:Entity) WHERE n.id IN $ids RETURN n", Map.of("ids", List.copyOf(ids)),
                (r) -> EntityMapper.asEntity(r.get("n").asNode()))
            .forEach((entity) -> byId.put(entity.id(), entity));
        return byId;
    }

    /** One query for all the requested entities' relationships. */
    public Map<RelationshipQuery, List<Relationship>> relationships(Collection<RelationshipQuery> queries) {
        List<Map<String, Object>> keys = queries.stream().map(RelationshipQuery::asParameters).toList();
        Map<RelationshipQuery, List<Relationship>> result = new HashMap<>();
        List<RelationshipQuery> ordered = List.copyOf(queries);
        this.graph.query("""
                UNWIND range(0, size($keys) - 1) AS i
                WITH i, $keys[i] AS key
                OPTIONAL MATCH (n:Entity {id: key.id})
                CALL {
                  WITH n, key
                  OPTIONAL MATCH (n)-[r]-(:Entity)
                  WHERE (key.types IS NULL OR type(r) IN key.types)
                    AND (key.direction = 'BOTH'
                      OR (key.direction = 'OUTGOING' AND startNode(r) = n)
                      OR (key.direction = 'INCOMING' AND endNode(r) = n))
                  WITH r, key ORDER BY type(r), r.id
                  WITH key, collect(%s) AS all
                  RETURN all[0..key.first] AS relationships
                }
                RETURN i, relationships
                """.formatted(RELATIONSHIP_PROJECTION), Map.of("keys", keys), (r) -> {
                    result.put(ordered.get(r.get("i").asInt()),
                            r.get("relationships").asList(EntityMapper::asRelationship));
                    return null;
                });
        return result;
    }

    /** The relationships of one entity that a client asked for. */
    public record RelationshipQuery(String id, List<String> types, String direction, int first) {

        Map<String, Object> asParameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("id", this.id);
            parameters.put("types", this.types);
            parameters.put("direction", this.direction);
            parameters.put("first", this.first);
            return parameters;
        }

    }

}
