package org.casegraph.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import graphql.GraphQLContext;
import org.casegraph.access.Visibility;
import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.support.Cursors;
import org.casegraph.support.InvalidArgumentException;
import org.casegraph.support.PageInfo;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SearchController {

    static final int MAX_PAGE = 100;

    private final Graph graph;

    private final Vocabulary vocabulary;

    SearchController(Graph graph, Vocabulary vocabulary) {
        this.graph = graph;
        this.vocabulary = vocabulary;
    }

    record SearchEdge(String cursor, double score, Entity node, List<String> highlights) {
    }

    record SearchConnection(List<SearchEdge> edges, PageInfo pageInfo, int totalCount) {
    }

    private record Hit(Entity entity, double score) {
    }

    @QueryMapping
    SearchConnection search(@Argument String query, @Argument List<String> types, @Argument Integer first,
            @Argument String after, GraphQLContext context) {
        SearchTerms terms = SearchTerms.parse(query);
        int size = Cursors.pageSize(first, 10, MAX_PAGE);
        int skip = Cursors.offsetAfter("search", after);
        Map<String, Object> parameters = SearchCypher.parameters(terms, searchableTypes(types), skip, size,
                Visibility.of(context));
        return this.graph.single(SearchCypher.SEARCH, parameters, (record) -> {
            int total = record.get("total").asInt();
            List<Hit> hits = record.get("page")
                .asList((hit) -> new Hit(EntityMapper.asEntity(hit.get("node")), hit.get("score").asDouble()));
            List<SearchEdge> edges = new ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                Hit hit = hits.get(i);
                edges.add(new SearchEdge(Cursors.encode("search", skip + i), hit.score(), hit.entity(),
                        highlights(hit.entity(), terms)));
            }
            PageInfo pageInfo = new PageInfo(skip + hits.size() < total, skip > 0,
                    edges.isEmpty() ? null : edges.get(0).cursor(),
                    edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
            return new SearchConnection(edges, pageInfo, total);
        });
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
        if (entity instanceof org.casegraph.entity.Person person) {
            aliases = person.aliases().stream();
        }
        else if (entity instanceof org.casegraph.entity.Organization organization) {
            aliases = organization.aliases().stream();
        }
        Stream<String> texts = Stream
            .of(Stream.of(entity.name()), aliases, Stream.of(entity.summary()),
                    entity.sources().stream().map(org.casegraph.entity.Citation::quote))
            .flatMap((stream) -> stream);
        return texts.map((text) -> Highlighter.highlight(text, terms.terms()))
            .filter(Objects::nonNull)
            .distinct()
            .limit(3)
            .toList();
    }

}
