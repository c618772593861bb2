package org.casegraph.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.casegraph.access.Visibility;
import org.casegraph.graph.Graph;
import org.casegraph.support.Cursors;
import org.casegraph.support.InvalidArgumentException;
import org.casegraph.support.PageInfo;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Ways into the graph that do not start from a known id: the list of cases, and what a
 * document is cited for.
 */
@Controller
class BrowseController {

    static final int MAX_CASES = 100;

    static final int MAX_CITING = 500;

    private static final String CASES = """
            MATCH (c:Case)
            WHERE %s
            WITH c ORDER BY c.name, c.id
            WITH collect(c) AS cases
            RETURN size(cases) AS total, [c IN cases[$skip..($skip + $limit)] | %s] AS page
            """.formatted(Visibility.visible("c"), Visibility.entity("c"));

    /**
     * Citations live on the facts as parallel lists of document ids and quotes, so
     * finding a document's facts reads every fact once per request (for all the documents
     * asked about together), not once per document.
     */
    private static final String CITING_ENTITIES = """
            MATCH (n:Entity)
            WHERE any(d IN n.citeDocs WHERE d IN $ids) AND %s
            WITH n ORDER BY n.id
            RETURN %s AS n
            """.formatted(Visibility.visible("n"), Visibility.entity("n"));

    private static final String CITING_RELATIONSHIPS = """
            MATCH (a:Entity)-[r]->(b:Entity)
            WHERE any(d IN r.citeDocs WHERE d IN $ids) AND coalesce(r.visibility, 'public') IN $visible AND %s AND %s
            WITH r ORDER BY r.id
            RETURN %s AS r
            """.formatted(Visibility.visible("a"), Visibility.visible("b"), EntityRepository.RELATIONSHIP_PROJECTION);

    private final Graph graph;

    BrowseController(Graph graph, BatchLoaderRegistry batchLoaders) {
        this.graph = graph;
        batchLoaders.<CitedByQuery, List<CitingFact>>forName("citedBy")
            .registerMappedBatchLoader((queries, environment) -> Mono
                .fromCallable(() -> citedBy(queries, Visibility.of(environment.getContext()))));
    }

    record CaseEdge(String cursor, Case node) {
    }

    record CaseConnection(List<CaseEdge> edges, PageInfo pageInfo, int totalCount) {
    }

    /**
     * An entity or a relationship that cites a document, with the quote it takes from it.
     */
    record CitingFact(String quote, Entity entity, Relationship relationship) {
    }

    record CitedByQuery(String documentId, int first) {
    }

    @QueryMapping
    CaseConnection cases(@Argument Integer first, @Argument String after, GraphQLContext context) {
        int size = Cursors.pageSize(first, 50, MAX_CASES);
        int skip = Cursors.offsetAfter("cases", after);
        return this.graph.single(CASES, Map.of("skip", skip, "limit", size, "visible", Visibility.of(context)), (r) -> {
            List<Entity> page = r.get("page").asList(EntityReads::entity);
            List<CaseEdge> edges = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                edges.add(new CaseEdge(Cursors.encode("cases", skip + i), (Case) page.get(i)));
            }
            int total = r.get("total").asInt();
            return new CaseConnection(edges,
                    new PageInfo(skip + edges.size() < total, skip > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
                            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                    total);
        });
    }

    @SchemaMapping
    CompletableFuture<List<CitingFact>> citedBy(Document document, @Argument Integer first,
            DataLoader<CitedByQuery, List<CitingFact>> citedBy) {
        int size = first == null ? 100 : first;
        if (size < 0 || size > MAX_CITING) {
            throw new InvalidArgumentException("first", "must be between 0 and " + MAX_CITING + ", not " + size);
        }
        return citedBy.load(new CitedByQuery(document.id(), size));
    }

    private Map<CitedByQuery, List<CitingFact>> citedBy(Set<CitedByQuery> queries, List<String> visible) {
        List<String> ids = queries.stream().map(CitedByQuery::documentId).distinct().toList();
        Map<String, Object> parameters = Map.of("ids", ids, "visible", visible);
        Map<String, List<CitingFact>> byDocument = new HashMap<>();
        for (Entity entity : this.graph.query(CITING_ENTITIES, parameters, (r) -> EntityReads.entity(r.get("n")))) {
            for (Citation citation : entity.sources()) {
                byDocument.computeIfAbsent(citation.documentId(), (id) -> new ArrayList<>())
                    .add(new CitingFact(citation.quote(), entity, null));
            }
        }
        for (Relationship relationship : this.graph.query(CITING_RELATIONSHIPS, parameters,
                (r) -> EntityReads.relationship(r.get("r")))) {
            for (Citation citation : relationship.sources()) {
                byDocument.computeIfAbsent(citation.documentId(), (id) -> new ArrayList<>())
                    .add(new CitingFact(citation.quote(), null, relationship));
            }
        }
        return queries.stream().collect(Collectors.toMap((query) -> query, (query) -> {
            List<CitingFact> facts = byDocument.getOrDefault(query.documentId(), List.of());
            return List.copyOf(facts.subList(0, Math.min(query.first(), facts.size())));
        }));
    }

}
