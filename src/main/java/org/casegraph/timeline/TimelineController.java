package org.casegraph.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.casegraph.access.SensitiveReads;
import org.casegraph.access.Visibility;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.Event;
import org.casegraph.graph.EventOrder;
import org.casegraph.graph.Graph;
import org.casegraph.graph.PartialDate;
import org.casegraph.support.Cursors;
import org.casegraph.support.InvalidArgumentException;
import org.casegraph.support.PageInfo;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Events in the order they happened: by date, coarse before fine, then by ordinal among
 * events on one date, then by id (see {@link EventOrder}). A coarse date overlaps a finer
 * bound: {@code from: "2011-06"} keeps an event dated {@code 2011}, and
 * {@code to: "2011"} keeps everything in 2011. Cursors hold an event's position in that
 * order (its sort key and id), not an offset.
 */
@Controller
class TimelineController {

    static final int MAX_PAGE = 100;

    private static final String CURSOR = "timeline";

    private final Graph graph;

    TimelineController(Graph graph) {
        this.graph = graph;
    }

    record EventEdge(String cursor, Event node) {
    }

    record EventConnection(List<EventEdge> edges, PageInfo pageInfo, Integer totalCount) {
    }

    @QueryMapping
    EventConnection timeline(@Argument String entityId, @Argument String from, @Argument String to,
            @Argument Integer first, @Argument String after, GraphQLContext context,
            DataFetchingFieldSelectionSet selection) {
        int size = Cursors.pageSize(first, 20, MAX_PAGE);
        String[] position = Cursors.keyAfter(CURSOR, after, 2);
        if (from != null && to != null && from.compareTo(to) > 0 && !from.startsWith(to)) {
            throw new InvalidArgumentException("from", "'" + from + "' is after to '" + to + "'");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("entityId", entityId);
        parameters.put("from", from);
        parameters.put("to", PartialDate.upperBound(to));
        parameters.put("visible", Visibility.of(context));
        // Counting is a query of its own: run it only for clients who asked.
        Integer totalCount = selection.contains("totalCount") ? count(entityId, new HashMap<>(parameters)) : null;
        parameters.put("afterKey", position == null ? null : position[0]);
        parameters.put("afterId", position == null ? null : position[1]);
        parameters.put("limit", size + 1);
        List<EventEdge> events = this.graph
            .query(entityId == null ? TimelineCypher.ALL_EVENTS : TimelineCypher.ENTITY_EVENTS, parameters, (r) -> {
                if (r.containsKey("via")) {
                    SensitiveReads.walked(r.get("via").asList(Value::asString));
                }
                Event event = (Event) EntityMapper.asEntity(r.get("e"));
                // The position as stored, which is what the next page's query compares
                // with.
                return new EventEdge(
                        Cursors.encodeKey(CURSOR, r.get("e").get(EventOrder.SORT_KEY).asString(), event.id()), event);
            });
        List<EventEdge> edges = events.subList(0, Math.min(size, events.size()));
        return new EventConnection(edges,
                new PageInfo(events.size() > size, position != null, edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                totalCount);
    }

    private int count(String entityId, Map<String, Object> parameters) {
        List<Integer> totals = this.graph
            .query(entityId == null ? TimelineCypher.ALL_COUNT : TimelineCypher.ENTITY_COUNT, parameters, (r) -> {
                if (r.containsKey("via")) {
                    SensitiveReads.walked(r.get("via").asList(Value::asString));
                }
                return r.get("total").asInt();
            });
        // An entity without events (or not visible) has no row to count in.
        return totals.isEmpty() ? 0 : totals.get(0);
    }

}
