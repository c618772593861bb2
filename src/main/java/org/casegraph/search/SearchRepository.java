package org.casegraph.search;

import java.util.List;
import java.util.Map;

import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.graph.Graph;
import org.springframework.stereotype.Repository;

import static org.casegraph.access.Visibility.entity;
import static org.casegraph.access.Visibility.visible;

/**
 * Full-text search over names, aliases, summaries and quotes. The statement is public so
 * that the benchmark runs exactly what the API runs.
 */
@Repository
public class SearchRepository {

    /**
     * How many hits each index contributes before ranking; totalCount counts at most this
     * many per index.
     */
    public static final int MAX_HITS = 500;

    /**
     * Both full-text indexes at once, names weighing double; exact names and aliases
     * first; one page and the total count in one round trip. Parameters: see
     * {@link #parameters}.
     */
    public static final String SEARCH = """
            CALL {
              CALL db.index.fulltext.queryNodes('entity_names', $names, {limit: $maxHits}) YIELD node, score
              RETURN node, score * 2.0 AS score
              UNION ALL
              CALL db.index.fulltext.queryNodes('entity_texts', $texts, {limit: $maxHits}) YIELD node, score
              RETURN node, score
            }
            WITH node, sum(score) AS score
            WHERE ($types IS NULL OR any(label IN labels(node) WHERE label IN $types))
              AND %s
            WITH node, score + CASE
                WHEN toLower(node.name) = $exact THEN 100.0
                WHEN any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = $exact) THEN 50.0
                ELSE 0.0 END AS score
            ORDER BY score DESC, node.name, node.id
            WITH collect({node: %s, score: score}) AS hits
            RETURN size(hits) AS total, hits[$skip..($skip + $first)] AS page
            """.formatted(visible("node"), entity("node"));

    private final Graph graph;

    SearchRepository(Graph graph) {
        this.graph = graph;
    }

    /** One page of hits, best first, and how many there are in all. */
    record Hits(List<Hit> page, int total) {
    }

    record Hit(Entity entity, double score) {
    }

    /**
     * The hits from {@code skip} on, at most {@code first} of them, of the entities of
     * {@code types} (null: any).
     */
    Hits search(SearchTerms terms, List<String> types, int skip, int first, List<String> visible) {
        return this.graph.single(SEARCH, parameters(terms, types, skip, first, visible),
                (record) -> new Hits(record.get("page")
                    .asList((hit) -> new Hit(EntityMapper.asEntity(hit.get("node")), hit.get("score").asDouble())),
                        record.get("total").asInt()));
    }

    /**
     * The parameters of {@link #SEARCH}: the Lucene queries of {@code terms}, and the
     * rest as given.
     */
    public static Map<String, Object> parameters(SearchTerms terms, List<String> types, int skip, int first,
            List<String> visible) {
        return Graph.parameters("names", terms.namesQuery(), "texts", terms.textsQuery(), "exact", terms.exact(),
                "types", types, "skip", skip, "first", first, "maxHits", MAX_HITS, "visible", visible);
    }

}
