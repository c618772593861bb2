package org.casegraph.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.access.Visibility;
import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityRepository;
import org.casegraph.entity.Event;
import org.casegraph.entity.Relationship;
import org.casegraph.graph.Graph;
import org.casegraph.graph.PartialDate;
import org.casegraph.graph.EventOrder;
import org.casegraph.timeline.TimelineRepository;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * The export's reads, every one a page of bounded size: entities in id order from a key,
 * relationships of a page of entities, timeline events by offset. Each statement takes
 * {@code $visible} and filters with {@link Visibility}, and returns entities and
 * relationships through {@link Visibility#entity} and the relationship projection, so an
 * export holds what GraphQL serves the same caller, sensitive fields included or left out
 * alike.
 */
@Repository
public class ExportRepository {

    private static final String ENTITY_TYPE = "[l IN labels(%1$s) WHERE l <> 'Entity'][0]";

    private static final String COUNT_ENTITIES = """
            MATCH (n:Entity) WHERE %s
            RETURN count(n) AS n
            """.formatted(Visibility.visible("n"));

    private static final String ENTITY_PAGE = """
            MATCH (n:Entity) WHERE n.id > $after AND %s
            WITH n ORDER BY n.id LIMIT $limit
            RETURN %s AS n
            """.formatted(Visibility.visible("n"), Visibility.entity("n"));

    private static final String ID_PAGE = """
            MATCH (n:Entity) WHERE n.id > $after AND %s
            WITH n ORDER BY n.id LIMIT $limit
            RETURN n.id AS id
            """.formatted(Visibility.visible("n"));

    private static final String ENTITIES_BY_ID = """
            MATCH (n:Entity) WHERE n.id IN $ids AND %s
            WITH n ORDER BY n.id
            RETURN %s AS n
            """.formatted(Visibility.visible("n"), Visibility.entity("n"));

    /**
     * Parameters ids (the start entities) and visible; the type pattern is checked
     * against the vocabulary.
     */
    private static final String RELATIONSHIPS_FROM = """
            UNWIND $ids AS id
            MATCH (a:Entity {id: id})-[r%s]->(b:Entity)
            WHERE %s AND %s AND %s
            WITH a, r, b ORDER BY a.id, type(r), b.id, r.id
            RETURN %s AS r, %s AS fromType, %s AS toType
            """;

    /** Parameters ids (null for the whole graph) and visible. */
    private static final String COUNT_RELATIONSHIPS = """
            MATCH (a:Entity)-[r%s]->(b:Entity)
            WHERE %s AND %s AND %s AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
            RETURN count(r) AS n
            """;

    /**
     * One breadth-first level of a subgraph: the unseen visible entities linked to the
     * frontier by a visible link.
     */
    private static final String SUBGRAPH_LEVEL = """
            CALL (found, frontier) {
              UNWIND frontier AS a
              MATCH (a)-[r%s]-(m:Entity)
              WHERE %s AND %s AND NOT m IN found
              RETURN collect(DISTINCT m) AS next
            }
            WITH found + next AS found, next AS frontier
            """;

    private static final String SUBGRAPH = """
            MATCH (start:Entity {id: $id}) WHERE %s
            WITH [start] AS found, [start] AS frontier
            %s\
            UNWIND found AS n
            RETURN n.id AS id ORDER BY id
            """;

    /**
     * The case an event is grouped under: the first, by id, of the visible cases it is
     * visibly PART_OF.
     */
    private static final String EVENT_CASES = """
            UNWIND $ids AS id
            MATCH (e:Event {id: id})-[r:PART_OF]->(c:Case)
            WHERE %s AND %s
            WITH id, r, c ORDER BY c.id
            WITH id, collect(c)[0] AS c, collect(r)[0] AS r
            RETURN id, c.id AS caseId, c.name AS caseName, r.id AS via
            """.formatted(Visibility.visible("r"), Visibility.visible("c"));

    private final Graph graph;

    ExportRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * A relationship with the types of the entities at its ends, which FtM's schemata
     * depend on.
     */
    public record Link(Relationship relationship, String fromType, String toType) {
    }

    /**
     * An event of a timeline, the sensitive records that brought it in (see
     * {@link TimelineRepository}) and its sort key, where the next page starts.
     */
    public record TimelineEvent(Event event, List<String> via, String sortKey) {
    }

    /** The case an event belongs to, and the link that says so. */
    public record EventCase(String caseId, String caseName, String via) {
    }

    long countEntities(List<String> visible) {
        return this.graph.single(COUNT_ENTITIES, Map.of("visible", visible), (r) -> r.get("n").asLong());
    }

    /**
     * The next {@code limit} visible entities after id {@code after} ("" for the first
     * page), in id order.
     */
    List<Entity> entityPage(String after, int limit, List<String> visible) {
        return this.graph.query(ENTITY_PAGE, Map.of("after", after, "limit", limit, "visible", visible),
                (r) -> EntityMapper.asEntity(r.get("n")));
    }

    /** The same page's ids only. */
    List<String> idPage(String after, int limit, List<String> visible) {
        return this.graph.query(ID_PAGE, Map.of("after", after, "limit", limit, "visible", visible),
                (r) -> r.get("id").asString());
    }

    /** Those of {@code ids} that are visible, in id order. */
    List<Entity> entities(List<String> ids, List<String> visible) {
        return this.graph.query(ENTITIES_BY_ID, Map.of("ids", ids, "visible", visible),
                (r) -> EntityMapper.asEntity(r.get("n")));
    }

    /**
     * The visible relationships leaving the entities {@code ids} towards visible
     * entities, of the checked types.
     */
    List<Link> relationshipsFrom(List<String> ids, String typePattern, List<String> visible) {
        String cypher = RELATIONSHIPS_FROM.formatted(typePattern, Visibility.visible("a"), Visibility.visible("r"),
                Visibility.visible("b"), EntityRepository.RELATIONSHIP_PROJECTION, ENTITY_TYPE.formatted("a"),
                ENTITY_TYPE.formatted("b"));
        return this.graph.query(cypher, Map.of("ids", ids, "visible", visible),
                (r) -> new Link(EntityMapper.asRelationship(r.get("r")), r.get("fromType").asString(),
                        r.get("toType").asString()));
    }

    /**
     * How many visible relationships link visible entities, among {@code ids} only unless
     * that is null.
     */
    long countRelationships(List<String> ids, String typePattern, List<String> visible) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ids", ids);
        parameters.put("visible", visible);
        return this.graph.single(COUNT_RELATIONSHIPS.formatted(typePattern, Visibility.visible("a"),
                Visibility.visible("r"), Visibility.visible("b")), parameters, (r) -> r.get("n").asLong());
    }

    /**
     * The ids of the visible entities within {@code depth} hops of {@code id} over
     * visible relationships of the checked types, the entity itself included; empty when
     * the entity is not visible. Ids only, so that a large subgraph costs its ids and not
     * its entities.
     */
    List<String> subgraphIds(String id, int depth, String typePattern, List<String> visible) {
        StringBuilder levels = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            levels.append(SUBGRAPH_LEVEL.formatted(typePattern, Visibility.visible("r"), Visibility.visible("m")));
        }
        return this.graph.query(SUBGRAPH.formatted(Visibility.visible("start"), levels),
                Map.of("id", id, "visible", visible), (r) -> r.get("id").asString());
    }

    /**
     * A page of the timeline, exactly as the {@code timeline} query reads it: the events
     * after {@code after} (the previous page's last event, or null for the first page).
     */
    List<TimelineEvent> timeline(String entityId, String from, String to, TimelineEvent after, int limit,
            List<String> visible) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("entityId", entityId);
        parameters.put("from", from);
        parameters.put("to", PartialDate.upperBound(to));
        parameters.put("kinds", null);
        parameters.put("afterKey", after == null ? null : after.sortKey());
        parameters.put("afterId", after == null ? null : after.event().id());
        parameters.put("limit", limit);
        parameters.put("visible", visible);
        return this.graph.query(entityId == null ? TimelineRepository.ALL_EVENTS : TimelineRepository.ENTITY_EVENTS,
                parameters,
                (r) -> new TimelineEvent((Event) EntityMapper.asEntity(r.get("e")),
                        r.containsKey("via") ? r.get("via").asList(Value::asString) : List.of(),
                        r.get("e").get(EventOrder.SORT_KEY).asString()));
    }

    /** For each of the events {@code ids} that belongs to a visible case, that case. */
    Map<String, EventCase> eventCases(List<String> ids, List<String> visible) {
        Map<String, EventCase> cases = new HashMap<>();
        this.graph.query(EVENT_CASES, Map.of("ids", ids, "visible", visible), (r) -> cases.put(r.get("id").asString(),
                new EventCase(r.get("caseId").asString(), r.get("caseName").asString(), r.get("via").asString(null))));
        return cases;
    }

    static List<String> ids(List<? extends Entity> entities) {
        List<String> ids = new ArrayList<>(entities.size());
        entities.forEach((entity) -> ids.add(entity.id()));
        return ids;
    }

}
