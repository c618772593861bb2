package org.casegraph.search;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.casegraph.CaseGraphTest;
import org.casegraph.access.Visibility;
import org.casegraph.graph.Graph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casegraph.access.Visibility.entity;
import static org.casegraph.access.Visibility.visible;

/**
 * The page-first search answers what the statement before it did: same top 10 in the same
 * order with the same scores, and the same count, for every caller's visibility.
 */
@CaseGraphTest
class SearchRankingTests {

    /**
     * The statement search ran before it took the page first: ranks and projects every
     * hit, then cuts.
     */
    private static final String PROJECT_ALL_THEN_PAGE = """
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
            WITH node, score + CASE
                WHEN toLower(node.name) = $exact THEN 100.0
                WHEN any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) = $exact) THEN 50.0
                ELSE 0.0 END AS score
            ORDER BY score DESC, node.name, node.id
            WITH collect({node: %s, score: score}) AS hits
            RETURN size(hits) AS total, hits[$skip..($skip + $first)] AS page
            """.formatted(visible("node"), entity("node"));

    @Autowired
    Graph graph;

    @Autowired
    SearchRepository search;

    @ParameterizedTest
    @ValueSource(strings = { "Trofimov", "Trofimv", "Barbra Boxer", "Cambodia", "united states senate", "IJM",
            "trafficking", "court", "Internacional Justice Mission", "police", "2009", "a" })
    void sameTopTenAsProjectingEveryHit(String query) {
        SearchTerms terms = SearchTerms.parse(query);
        for (List<String> visible : List.of(Visibility.visibleTo(null), Visibility.ALL)) {
            Old old = this.graph.single(PROJECT_ALL_THEN_PAGE, SearchRepository.parameters(terms, null, 0, 10, visible),
                    (record) -> new Old(record.get("page")
                        .asList((hit) -> hit.get("node").get("id").asString() + " " + hit.get("score").asDouble()),
                            record.get("total").asInt()));
            // Read whole, and reading only the names, as a client that selects them does.
            for (Set<String> properties : Arrays.asList(null, Set.of("id", "name"))) {
                SearchRepository.Hits hits = this.search.search(terms, null, 0, 10, visible, properties);
                assertThat(hits.page().stream().map((hit) -> hit.entity().id() + " " + hit.score()).toList())
                    .as("top 10 of '%s' seen by %s, reading %s", query, visible, properties)
                    .isEqualTo(old.topTen());
                assertThat(hits.more()).isEqualTo(old.total() > 10);
            }
            assertThat(this.search.count(terms, null, visible)).isEqualTo(old.total());
        }
    }

    private record Old(List<String> topTen, int total) {
    }

}
