package org.casegraph.search;

import org.casegraph.access.Visibility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search statement, public so that the benchmark runs exactly what the API runs.
 */
public final class SearchCypher {

    /**
     * Both full-text indexes at once, names weighing double; exact names and aliases
     * first; one page and the total count in one round trip. Parameters: names, texts
     * (Lucene queries from {@link SearchTerms}), exact, types, skip, first, maxHits,
     * visible.
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
              AND coalesce(node.visibility, 'public') IN $visible
            WITH node, score + CASE
                WHEN toLower(node.name) = $exact THEN 100.0
                WHEN any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = $exact) THEN 50.0
                ELSE 0.0 END AS score
            ORDER BY score DESC, node.name, node.id
            WITH collect({node: %s, score: score}) AS hits
            RETURN size(hits) AS total, hits[$skip..($skip + $first)] AS page
            """.formatted(Visibility.entity("node"));

    /**
     * How many hits each index contributes before ranking; totalCount counts at most this
     * many per index.
     */
    public static final int MAX_HITS = 500;

    public static Map<String, Object> parameters(SearchTerms terms, List<String> types, int skip, int first,
            List<String> visible) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("names", terms.namesQuery());
        parameters.put("texts", terms.textsQuery());
        parameters.put("exact", terms.exact());
        parameters.put("types", types);
        parameters.put("skip", skip);
        parameters.put("first", first);
        parameters.put("maxHits", MAX_HITS);
        parameters.put("visible", visible);
        return parameters;
    }

    private SearchCypher() {
    }

}
