package org.casegraph.entity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casegraph.access.SensitiveReads;
import org.casegraph.access.Visibility;
import org.casegraph.graph.Graph;
import org.casegraph.graph.PartialDate;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

import static org.casegraph.access.Visibility.entity;
import static org.casegraph.access.Visibility.sensitiveAmong;
import static org.casegraph.access.Visibility.visible;

/**
 * Entities and their relationships by id, always in batches so that a request's cost does
 * not grow with its result. The batched statements run once for many keys
 * ({@link Graph#queryPerKey}): each reads its key as {@code key} and returns the key's
 * index {@code i}.
 */
@Repository
public class EntityRepository {

    /**
     * What a relationship looks like to the mapper: its properties plus type and end ids.
     */
    public static final String RELATIONSHIP_PROJECTION = Visibility.relationship("r");

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
            """.formatted(visible("n"), entity("n"));

    /** The entities with these ids; parameters ids and visible. */
    private static final String FIND_ALL_BY_ID = """
            MATCH (n:Entity)
            WHERE n.id IN $ids AND %s
            RETURN %s AS n
            """.formatted(visible("n"), entity("n"));

    /**
     * Relationship {@code r} of node {@code n} goes the way {@code key.direction} asks
     * for.
     */
    private static final String DIRECTION = """
            (key.direction = 'BOTH'
                  OR (key.direction = 'OUTGOING' AND startNode(r) = n)
                  OR (key.direction = 'INCOMING' AND endNode(r) = n))""";

    /**
     * The relationships of each key's entity (types, direction, asOf, first), in type
     * then id order.
     */
    private static final String RELATIONSHIPS = """
            OPTIONAL MATCH (n:Entity {id: key.id})
            CALL (n, key) {
              OPTIONAL MATCH (n)-[r]-(m:Entity)
              WHERE %s
                AND (key.types IS NULL OR type(r) IN key.types)
                AND %s
                AND (key.asOf IS NULL
                  OR ((r.validFrom IS NULL OR r.validFrom <= key.asOf + '~') AND (r.validTo IS NULL OR r.validTo >= key.asOf)))
              WITH r, key ORDER BY type(r), r.id
              WITH key, collect(%s) AS all
              RETURN all[0..key.first] AS relationships
            }
            RETURN i, relationships
            """
        .formatted(visible("m", "r"), DIRECTION, RELATIONSHIP_PROJECTION);

    /**
     * The entities linked to each key's entity by its types and direction: events in
     * timeline order, the rest by name.
     */
    private static final String LINKED = """
            MATCH (n:Entity {id: key.id})
            CALL (n, key) {
              MATCH (n)-[r]-(m:Entity)
              WHERE type(r) IN key.types AND %s
                AND %s
              WITH DISTINCT m
              ORDER BY m.sortKey, m.date, m.name, m.id
              RETURN collect(%s) AS linked
            }
            RETURN i, linked
            """.formatted(visible("m", "r"), DIRECTION, entity("m"));

    /**
     * The legal events of each key's person (id, asOf, caseId) per case, with
     * {@code via}: the sensitive links and cases the standing rests on. A case the person
     * is a defendant in counts even without events.
     */
    private static final String LEGAL_STATUS = """
            MATCH (p:Entity {id: key.id})
            CALL (p, key) {
              MATCH (p)-[s:SUBJECT_OF]->(e:Event)-[o:PART_OF]->(c:Case)
              WHERE e.kind IN $kinds AND (key.asOf IS NULL OR e.date <= key.asOf)
                AND (key.caseId IS NULL OR c.id = key.caseId) AND %s
              RETURN c, e, %s AS via
              UNION
              MATCH (p)-[d:DEFENDANT_IN]->(c:Case)
              WHERE (key.caseId IS NULL OR c.id = key.caseId) AND %s
              RETURN c, null AS e, %s AS via
            }
            WITH i, c, collect(%s) AS events, collect(via) AS vias
            RETURN i, c.id AS caseId, events, reduce(ids = [], via IN vias | ids + via) AS via
            ORDER BY i, caseId
            """.formatted(visible("e", "c", "s", "o"), sensitiveAmong("s", "o", "c"), visible("c", "d"),
            sensitiveAmong("d", "c"), entity("e"));

    private final Graph graph;

    EntityRepository(Graph graph) {
        this.graph = graph;
    }

    /** The entity with this id, or the one it was merged into. */
    public Optional<Entity> findById(String id, List<String> visible) {
        return this.graph.query(FIND_BY_ID, Map.of("id", id, "visible", visible), (r) -> EntityReads.entity(r.get("n")))
            .stream()
            .findFirst();
    }

    public Map<String, Entity> findAllById(Collection<String> ids, List<String> visible) {
        return this.graph
            .query(FIND_ALL_BY_ID, Map.of("ids", List.copyOf(ids), "visible", visible),
                    (r) -> EntityReads.entity(r.get("n")))
            .stream()
            .collect(Collectors.toMap(Entity::id, Function.identity()));
    }

    /** One query for all the requested entities' relationships. */
    public Map<RelationshipQuery, List<Relationship>> relationships(Collection<RelationshipQuery> queries,
            List<String> visible) {
        return this.graph.queryPerKey(queries, RelationshipQuery::asParameters, RELATIONSHIPS,
                Map.of("visible", visible), (r) -> r.get("relationships").asList(EntityReads::relationship));
    }

    /**
     * The entities linked to each asked-for entity by the given types and direction, in
     * one query: events in the timeline's order (their sortKey), anything else by name.
     */
    public Map<LinkQuery, List<Entity>> linked(Collection<LinkQuery> queries, List<String> visible) {
        return this.graph.queryPerKey(queries,
                (query) -> Map.of("id", query.id(), "types", query.types(), "direction", query.direction()), LINKED,
                Map.of("visible", visible), (r) -> r.get("linked").asList(EntityReads::entity));
    }

    /** Entities linked to one entity by some relationship types in one direction. */
    public record LinkQuery(String id, List<String> types, String direction) {
    }

    /** Legal events per case for each person asked about, in one query. */
    public Map<LegalStatusQuery, List<LegalStatus>> legalStatus(Collection<LegalStatusQuery> queries,
            List<String> visible) {
        return this.graph.queryPerKey(queries, LegalStatusQuery::asParameters, LEGAL_STATUS,
                Map.of("kinds", List.copyOf(LegalStatus.LEGAL_KINDS), "visible", visible), (r) -> {
                    // The standing reveals the case and the links it rests on, whatever
                    // fields are selected.
                    SensitiveReads.walked(r.get("via").asList(Value::asString));
                    List<Event> events = r.get("events").asList((e) -> (Event) EntityReads.entity(e));
                    return List.of(LegalStatus.of(r.get("caseId").asString(), events));
                });
    }

    public record LegalStatusQuery(String personId, String asOf, String caseId) {

        Map<String, Object> asParameters() {
            return Graph.parameters("id", this.personId, "asOf", PartialDate.upperBound(this.asOf), "caseId",
                    this.caseId);
        }

    }

    /** The relationships of one entity that a client asked for. */
    public record RelationshipQuery(String id, List<String> types, String direction, String asOf, int first) {

        Map<String, Object> asParameters() {
            return Graph.parameters("id", this.id, "types", this.types, "direction", this.direction, "asOf", this.asOf,
                    "first", this.first);
        }

    }

}
