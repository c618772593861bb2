package org.casegraph.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.casegraph.access.SensitiveReads;
import org.casegraph.access.Visibility;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.Event;
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
 * Events in date order. PartialDates sort as text, which puts {@code 2011} before {@code 2011-12} before
 * {@code 2011-12-15}. A coarse date overlaps a finer bound: {@code from: "2011-06"} keeps an event dated
 * {@code 2011}, and {@code to: "2011"} keeps everything in 2011.
 */
@Controller
class TimelineController {

    static final int MAX_PAGE = 100;

    private final Graph graph;

    TimelineController(Graph graph) {
        this.graph = graph;
    }

    record EventEdge(String cursor, Event node) {
    }

    record EventConnection(List<EventEdge> edges, PageInfo pageInfo) {
    }

    @QueryMapping
    EventConnection timeline(@Argument String entityId, @Argument String from, @Argument String to,
            @Argument Integer first, @Argument String after, @Argument List<String> kinds, GraphQLContext context) {
        int size = Cursors.pageSize(first, 20, MAX_PAGE);
        int skip = Cursors.offsetAfter("timeline", after);
        if (from != null && to != null && from.compareTo(to) > 0 && !from.startsWith(to)) {
            throw new InvalidArgumentException("from", "'" + from + "' is after to '" + to + "'");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("entityId", entityId);
        parameters.put("from", from);
        parameters.put("to", PartialDate.upperBound(to));
        parameters.put("kinds", kinds);
        parameters.put("skip", skip);
        parameters.put("limit", size + 1);
        parameters.put("visible", Visibility.of(context));
        List<Event> events = this.graph.query(entityId == null ? TimelineCypher.ALL_EVENTS : TimelineCypher.ENTITY_EVENTS, parameters,
                (r) -> {
                    if (r.containsKey("via")) {
                        SensitiveReads.walked(r.get("via").asList(Value::asString));
                    }
                    return (Event) EntityMapper.asEntity(r.get("e"));
                });
        List<EventEdge> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(size, events.size()); i++) {
            edges.add(new EventEdge(Cursors.encode("timeline", skip + i), events.get(i)));
        }
        return new EventConnection(edges, new PageInfo(events.size() > size, skip > 0,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

}
