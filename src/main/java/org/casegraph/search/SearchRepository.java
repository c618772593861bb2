package org.casegraph.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityReads;
import org.casegraph.graph.Graph;
import org.springframework.stereotype.Repository;

import static org.casegraph.access.Visibility.entity;
import static org.casegraph.access.Visibility.visible;

/**
 * Full-text search over names, aliases, summaries and quotes. The statements are public
 * so that the benchmark runs exactly what the API runs.
 */
@Repository
public class SearchRepository {

    /**
     * How many hits each index contributes before ranking; totalCount counts at most this
     * many per index.
     */
    public static final int MAX_HITS = 500;

    /**
     * The hits of both full-text indexes, names weighing double, one row per entity with
     * its summed score, of the asked types and visible to the caller. Ranking and
     * counting both start from these same candidates, so a page and the count agree.
     */
    private static final String CANDIDATES = """
            CALL () {
              CALL db.index.fulltext.queryNodes('entity_names', $names, {limit: $maxHits}) YIELD node, score
              RETURN node, score * 2.0 AS score
              UNION ALL
              CALL db.index.fulltext.queryNodes('entity_texts', $texts, {limit: $maxHits}) YIELD node, score
              RETURN node, score
            }
            WITH node, sum(score) AS score
            WHERE ($types IS NULL OR any(label IN labels(node) WHERE label IN $types))
              AND %s
            """.formatted(visible("node"));

    /**
     * One page, exact names and aliases first: ordered and cut before anything is
     * projected, so only the page's entities are read (Cypher keeps the top rows as it
     * goes instead of sorting every hit). One row more than the page tells whether there
     * is a next one. Parameters: see {@link #parameters}. The projection of the entities:
     * {@code %s}.
     */
    private static final String SEARCH_AS = CANDIDATES + """
            WITH node, score + CASE
                WHEN toLower(node.name) = $exact THEN 100.0
                WHEN any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = $exact) THEN 50.0
                ELSE 0.0 END AS score
            ORDER BY score DESC, node.name, node.id
            SKIP $skip LIMIT $first + 1
            RETURN %s AS node, score
            """;

    /**
     * How many entities {@link #SEARCH_AS} pages through; run only when a client asks for
     * totalCount.
     */
    public static final String COUNT = CANDIDATES + """
            RETURN count(node) AS total
            """;

    private final Graph graph;

    SearchRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The search statement, returning only {@code properties} of each entity (see
     * {@link org.casegraph.entity.SelectedProperties}), or all of them when null.
     */
    public static String searchCypher(Set<String> properties) {
        return SEARCH_AS.formatted(entity("node", properties));
    }

    /** One page of hits, best first, and whether more follow. */
    record Hits(List<Hit> page, boolean more) {
    }

    record Hit(Entity entity, double score) {
    }

    /**
     * The hits from {@code skip} on, at most {@code first} of them, of the entities of
     * {@code types} (null: any).
     */
    Hits search(SearchTerms terms, List<String> types, int skip, int first, List<String> visible,
            Set<String> properties) {
        List<Hit> hits = this.graph.query(searchCypher(properties), parameters(terms, types, skip, first, visible),
                (record) -> new Hit(EntityReads.entity(record.get("node")), record.get("score").asDouble()));
        return (hits.size() > first) ? new Hits(hits.subList(0, first), true) : new Hits(hits, false);
    }

    /** How many hits there are in all (at most {@link #MAX_HITS} per index). */
    int count(SearchTerms terms, List<String> types, List<String> visible) {
        return this.graph.single(COUNT, parameters(terms, types, 0, 0, visible),
                (record) -> record.get("total").asInt());
    }

    /**
     * The parameters of {@link #SEARCH} and {@link #COUNT}: the Lucene queries of
     * {@code terms}, and the rest as given.
     */
    public static Map<String, Object> parameters(SearchTerms terms, List<String> types, int skip, int first,
            List<String> visible) {
        return Graph.parameters("names", terms.namesQuery(), "texts", terms.textsQuery(), "exact", terms.exact(),
                "types", types, "skip", skip, "first", first, "maxHits", MAX_HITS, "visible", visible);
    }

}
