package org.casegraph.graph;

import java.util.List;
import java.util.Map;

import org.casegraph.CaseGraphTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The helpers every repository builds on: keyed batches and null-tolerant parameters.
 */
@CaseGraphTest
class GraphTests {

    @Autowired
    Graph graph;

    @Test
    void answersEveryKeyOfABatchInOneStatementEvenThoseNoRecordNames() {
        long before = this.graph.statementsRun();
        Map<String, List<Long>> answers = this.graph.queryPerKey(List.of("one", "two", "three"),
                (key) -> Map.of("word", key), """
                        UNWIND range(1, size(key.word)) AS n
                        WITH i, key, n WHERE key.word <> 'two'
                        RETURN i, n
                        """, Map.of(), (r) -> List.of(r.get("n").asLong()));
        assertThat(answers).containsExactly(Map.entry("one", List.of(1L, 2L, 3L)), Map.entry("two", List.of()),
                Map.entry("three", List.of(1L, 2L, 3L, 4L, 5L)));
        assertThat(this.graph.statementsRun() - before).isEqualTo(1);
    }

    @Test
    void parametersMayBeNullAndComeInPairs() {
        Map<String, Object> parameters = Graph.parameters("id", "x", "asOf", null);
        assertThat(parameters).containsEntry("id", "x").containsEntry("asOf", null).hasSize(2);
        boolean open = this.graph.single("RETURN $asOf IS NULL AS open", parameters, (r) -> r.get("open").asBoolean());
        assertThat(open).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> Graph.parameters("id"));
    }

}
