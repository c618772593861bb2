package org.casegraph.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.casegraph.access.Visibility;
import org.casegraph.entity.Citation;
import org.casegraph.entity.Entity;
import org.casegraph.entity.Organization;
import org.casegraph.entity.Person;
import org.casegraph.entity.SelectedProperties;
import org.casegraph.graph.Vocabulary;
import org.casegraph.search.SearchRepository.Hit;
import org.casegraph.search.SearchRepository.Hits;
import org.casegraph.support.Arguments;
import org.casegraph.support.Cursors;
import org.casegraph.support.Edge;
import org.casegraph.support.InvalidArgumentException;
import org.casegraph.support.PageInfo;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SearchController {

    static final int MAX_PAGE = 100;

    private static final String CURSOR = "search";

    private final SearchRepository search;

    private final Vocabulary vocabulary;

    SearchController(SearchRepository search, Vocabulary vocabulary) {
        this.search = search;
        this.vocabulary = vocabulary;
    }

    record SearchEdge(String cursor, double score, Entity node, List<String> highlights) implements Edge {
    }

    /**
     * {@code totalCount} is null unless asked for: counting every hit costs more than
     * finding the page.
     */
    record SearchConnection(List<SearchEdge> edges, PageInfo pageInfo, Integer totalCount) {
    }

    @QueryMapping
    SearchConnection search(@Argument String query, @Argument List<String> types, @Argument Integer first,
            @Argument String after, GraphQLContext context, DataFetchingFieldSelectionSet selection) {
        SearchTerms terms = SearchTerms.parse(query);
        int size = Arguments.within("first", first, 10, 0, MAX_PAGE);
        int skip = Cursors.offsetAfter(CURSOR, after);
        List<String> searchable = searchableTypes(types);
        List<String> visible = Visibility.of(context);
        // Highlights are made of the entity's names and texts: then it is read whole.
        boolean highlighted = selection.contains("edges/highlights");
        Hits hits = this.search.search(terms, searchable, skip, size, visible,
                highlighted ? null : SelectedProperties.of(selection, "edges/node"));
        List<SearchEdge> edges = new ArrayList<>();
        for (Hit hit : hits.page()) {
            edges.add(new SearchEdge(Cursors.encode(CURSOR, skip + edges.size()), hit.score(), hit.entity(),
                    highlighted ? highlights(hit.entity(), terms) : List.of()));
        }
        Integer total = selection.contains("totalCount") ? this.search.count(terms, searchable, visible) : null;
        return new SearchConnection(edges, PageInfo.of(edges, hits.more(), skip > 0), total);
    }

    private List<String> searchableTypes(List<String> types) {
        if (types == null) {
            return null;
        }
        for (String type : types) {
            if ("Victim".equals(type)) {
                throw new InvalidArgumentException("types", "victims are not searchable; they are reached only "
                        + "through the cases and events they belong to");
            }
            if (this.vocabulary.entityType(type) == null) {
                throw new InvalidArgumentException("types",
                        "unknown type '" + type + "'; one of "
                                + this.vocabulary.entityTypeNames()
                                    .stream()
                                    .filter((name) -> !"Victim".equals(name))
                                    .sorted()
                                    .toList());
            }
        }
        return types;
    }

    private static List<String> highlights(Entity entity, SearchTerms terms) {
        Stream<String> aliases = Stream.empty();
        if (entity instanceof Person person) {
            aliases = person.aliases().stream();
        }
        else if (entity instanceof Organization organization) {
            aliases = organization.aliases().stream();
        }
        Stream<String> texts = Stream
            .of(Stream.of(entity.name()), aliases, Stream.of(entity.summary()),
                    entity.sources().stream().map(Citation::quote))
            .flatMap((stream) -> stream);
        return texts.map((text) -> Highlighter.highlight(text, terms.terms()))
            .filter(Objects::nonNull)
            .distinct()
            .limit(3)
            .toList();
    }

}
