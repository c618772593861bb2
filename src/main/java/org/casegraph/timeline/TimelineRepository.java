package org.casegraph.timeline;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.access.SensitiveReads;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityReads;
import org.casegraph.entity.Event;
import org.casegraph.graph.EventOrder;
import org.casegraph.graph.Graph;
import org.casegraph.graph.PartialDate;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

import static org.casegraph.access.Visibility.entity;
import static org.casegraph.access.Visibility.sensitiveAmong;
import static org.casegraph.access.Visibility.visible;

/**
 * Events in the order of their {@code sortKey} (date, coarse before fine, then ordinal:
 * see {@link EventOrder}), then id, which makes the order total, so a cursor that names a
 * position in it pages on without gaps or repeats.
 * <p>
 * The statements are public so that the benchmark runs exactly what the API runs.
 * Parameters: entityId, from, to (the upper bound with {@code ~} appended, so that
 * {@code 2011} covers {@code 2011-12-31}), kinds (null for every kind), afterKey and
 * afterId (the sort position of the cursor's event, or null for the first page), limit,
 * visible. The counts take the same parameters but the cursor and the limit.
 */
@Repository
public class TimelineRepository {

    /** Event {@code e} is in the date range and visible. */
    private static final String FILTER = """
            ($from IS NULL OR e.date >= $from OR $from STARTS WITH e.date)
            AND ($to IS NULL OR e.date <= $to)
            AND ($kinds IS NULL OR e.kind IN $kinds)
            AND %s
            """.formatted(visible("e"));

    /** Event {@code e} comes after the cursor's position. */
    private static final String AFTER = """
            ($afterKey IS NULL OR e.sortKey > $afterKey OR (e.sortKey = $afterKey AND e.id > $afterId))
            """;

    /** Every event; the projection of the events: {@code %s}. */
    private static final String ALL_EVENTS_AS = """
            MATCH (e:Event)
            WHERE %s AND %s
            WITH e ORDER BY e.sortKey, e.id LIMIT $limit
            RETURN %%s AS e
            """.formatted(FILTER, AFTER);

    public static final String ALL_EVENTS = ALL_EVENTS_AS.formatted(entity("e"));

    public static final String ALL_COUNT = """
            MATCH (e:Event)
            WHERE %s
            RETURN count(e) AS total
            """.formatted(FILTER);

    /**
     * The events of one entity, directly or through its cases, each with the sensitive
     * records that brought it in.
     */
    private static final String ENTITY_MATCH = """
            MATCH (x:Entity {id: $entityId})
            WHERE %s
            CALL (x) {
              MATCH (x)-[r]-(e:Event)
              WHERE %s
              RETURN e, %s AS via
              UNION
              MATCH (x)-[r1]-(c:Case)-[r2]-(e:Event)
              WHERE %s
              RETURN e, %s AS via
            }
            WITH x, e, collect(via) AS vias
            WHERE %s
            """.formatted(visible("x"), visible("r"), sensitiveAmong("r"), visible("c", "r1", "r2"),
            sensitiveAmong("r1", "c", "r2"), FILTER);

    /**
     * The events of one entity, directly or through its cases. Each comes with
     * {@code via}: the sensitive records among the entity and the links and cases that
     * brought it in, which the caller's answer reveals.
     */
    private static final String ENTITY_EVENTS_AS = ENTITY_MATCH + """
            AND %s
            WITH x, e, vias ORDER BY e.sortKey, e.id LIMIT $limit
            RETURN %%s AS e, reduce(ids = %s, via IN vias | ids + via) AS via
            """.formatted(AFTER, sensitiveAmong("x"));

    public static final String ENTITY_EVENTS = ENTITY_EVENTS_AS.formatted(entity("e"));

    /**
     * How many events the entity has; {@code via} as above, for all of them, since the
     * count reveals them all.
     */
    public static final String ENTITY_COUNT = ENTITY_MATCH + """
            WITH x, count(e) AS total, collect(vias) AS all
            RETURN total, reduce(ids = %s, vias IN all | reduce(acc = ids, via IN vias | acc + via)) AS via
            """.formatted(sensitiveAmong("x"));

    private static final String LATEST = """
            MATCH (e:Event)
            WHERE %s
            WITH e ORDER BY e.sortKey DESC, e.id LIMIT $limit
            RETURN %s AS e
            """.formatted(visible("e"), entity("e"));

    private final Graph graph;

    TimelineRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The events of one entity (or of all, when {@code entityId} is null) between two
     * dates (null: open).
     */
    record TimelineQuery(String entityId, String from, String to, List<String> kinds, List<String> visible) {

        Map<String, Object> parameters() {
            return Graph.parameters("entityId", this.entityId, "from", this.from, "to", PartialDate.upperBound(this.to),
                    "kinds", this.kinds, "visible", this.visible);
        }

    }

    /**
     * An event and its sort key as stored, which is what the next page's query compares
     * with.
     */
    record PlacedEvent(Event event, String sortKey) {
    }

    /**
     * At most {@code limit} events of the timeline, starting after {@code after} (the
     * sort key and id of the event the page follows; null for the first page).
     */
    List<PlacedEvent> events(TimelineQuery query, String[] after, int limit, Set<String> properties) {
        Map<String, Object> parameters = query.parameters();
        parameters.put("afterKey", after == null ? null : after[0]);
        parameters.put("afterId", after == null ? null : after[1]);
        parameters.put("limit", limit);
        return this.graph.query(eventsCypher(query.entityId() != null, properties), parameters, (r) -> {
            noteWalked(r);
            return new PlacedEvent((Event) EntityReads.entity(r.get("e")),
                    r.get("e").get(EventOrder.SORT_KEY).asString());
        });
    }

    /**
     * The statement of {@link #events}: of one entity's events or of all, returning only
     * {@code properties} of each (and the sort key, which the cursor holds), or all of
     * them when null.
     */
    public static String eventsCypher(boolean ofEntity, Set<String> properties) {
        if (properties == null) {
            return ofEntity ? ENTITY_EVENTS : ALL_EVENTS;
        }
        Set<String> read = new HashSet<>(properties);
        read.add(EventOrder.SORT_KEY);
        return (ofEntity ? ENTITY_EVENTS_AS : ALL_EVENTS_AS).formatted(entity("e", read));
    }

    /**
     * The most recent events, for the explorer's front page: latest sort key first, so a
     * precise date comes before the month or year it falls in.
     */
    List<Event> latest(int limit, List<String> visible) {
        return this.graph.query(LATEST, Map.of("limit", limit, "visible", visible),
                (r) -> (Event) EntityReads.entity(r.get("e")));
    }

    /** How many events the timeline holds, on every page alike. */
    int count(TimelineQuery query) {
        List<Integer> totals = this.graph.query(query.entityId() == null ? ALL_COUNT : ENTITY_COUNT, query.parameters(),
                (r) -> {
                    noteWalked(r);
                    return r.get("total").asInt();
                });
        // An entity without events (or not visible) has no row to count in.
        return totals.isEmpty() ? 0 : totals.get(0);
    }

    /**
     * An entity's timeline reveals the sensitive records it went through: the audit hears
     * of them.
     */
    private static void noteWalked(Record r) {
        if (r.containsKey("via")) {
            SensitiveReads.walked(r.get("via").asList(Value::asString));
        }
    }

}
