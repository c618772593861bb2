package org.casegraph.timeline;

import java.util.List;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.casegraph.access.Visibility;
import org.casegraph.entity.Event;
import org.casegraph.entity.SelectedProperties;
import org.casegraph.graph.EventOrder;
import org.casegraph.support.Arguments;
import org.casegraph.support.Cursors;
import org.casegraph.support.Edge;
import org.casegraph.support.InvalidArgumentException;
import org.casegraph.support.PageInfo;
import org.casegraph.timeline.TimelineRepository.PlacedEvent;
import org.casegraph.timeline.TimelineRepository.TimelineQuery;
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

    private final TimelineRepository timelines;

    TimelineController(TimelineRepository timelines) {
        this.timelines = timelines;
    }

    record EventEdge(String cursor, Event node) implements Edge {
    }

    record EventConnection(List<EventEdge> edges, PageInfo pageInfo, Integer totalCount) {
    }

    @QueryMapping
    EventConnection timeline(@Argument String entityId, @Argument String from, @Argument String to,
            @Argument Integer first, @Argument String after, @Argument List<String> kinds, GraphQLContext context,
            DataFetchingFieldSelectionSet selection) {
        int size = Arguments.within("first", first, 20, 0, MAX_PAGE);
        String[] position = Cursors.keyAfter(CURSOR, after, 2);
        if (from != null && to != null && from.compareTo(to) > 0 && !from.startsWith(to)) {
            throw new InvalidArgumentException("from", "'" + from + "' is after to '" + to + "'");
        }
        TimelineQuery query = new TimelineQuery(entityId, from, to, kinds, Visibility.of(context));
        // Counting is a query of its own: run it only for clients who asked.
        Integer totalCount = selection.contains("totalCount") ? this.timelines.count(query) : null;
        // One event more than the page tells whether there is a next page.
        List<PlacedEvent> events = this.timelines.events(query, position, size + 1,
                SelectedProperties.of(selection, "edges/node"));
        List<EventEdge> edges = events.stream()
            .limit(size)
            .map((placed) -> new EventEdge(Cursors.encodeKey(CURSOR, placed.sortKey(), placed.event().id()),
                    placed.event()))
            .toList();
        return new EventConnection(edges, PageInfo.of(edges, events.size() > size, position != null), totalCount);
    }

    /** The most recent events, for the explorer's front page. */
    @QueryMapping
    List<Event> latestEvents(@Argument Integer first, GraphQLContext context) {
        return this.timelines.latest(Arguments.within("first", first, 10, 1, MAX_PAGE), Visibility.of(context));
    }

}
