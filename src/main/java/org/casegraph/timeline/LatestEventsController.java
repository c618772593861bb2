package org.casegraph.timeline;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.casegraph.access.Visibility;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.Event;
import org.casegraph.graph.Graph;
import org.casegraph.support.Cursors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The most recent events, for the explorer's front page. PartialDates sort as text, so in descending order a
 * precise date comes before the month or year it falls in.
 */
@Controller
class LatestEventsController {

    private static final String LATEST = """
            MATCH (e:Event)
            WHERE %s
            WITH e ORDER BY e.date DESC, e.id LIMIT $limit
            RETURN %s AS e
            """.formatted(Visibility.visible("e"), Visibility.entity("e"));

    private final Graph graph;

    LatestEventsController(Graph graph) {
        this.graph = graph;
    }

    @QueryMapping
    List<Event> latestEvents(@Argument Integer first, GraphQLContext context) {
        int size = Cursors.pageSize(first, 10, TimelineController.MAX_PAGE);
        return this.graph.query(LATEST, Map.of("limit", size, "visible", Visibility.of(context)),
                (r) -> (Event) EntityMapper.asEntity(r.get("e")));
    }

}
