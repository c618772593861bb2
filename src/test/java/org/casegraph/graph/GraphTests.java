package org.casegraph.graph;

import java.util.List;
import java.util.Map;

import org.casegraph.CaseGraphTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.RetryableException;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The helpers every repository builds on: keyed batches, null-tolerant parameters and
 * one-statement reads that try again only when the database says it may help.
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

    @Test
    void aReadTheDatabaseSaysMaySucceedLaterIsTriedAgainAndAnyOtherFailureIsNot() {
        long before = this.graph.statementsRun();
        // Collecting twenty million numbers needs more than all transactions together may
        // hold (casegraph.embedded.transaction-memory, 96 MB): a transient error, which a
        // busier moment would explain.
        assertThatExceptionOfType(RuntimeException.class)
            .isThrownBy(() -> this.graph.single("UNWIND range(1, 20000000) AS n RETURN size(collect(n)) AS size",
                    Map.of(), (r) -> r.get("size").asLong()))
            .isInstanceOf(RetryableException.class)
            .withMessageContaining("memory");
        assertThat(this.graph.statementsRun() - before).isEqualTo(3);

        long then = this.graph.statementsRun();
        assertThatExceptionOfType(ClientException.class)
            .isThrownBy(() -> this.graph.query("RETURN $missing + 1 AS n", Map.of(), (r) -> r.get("n")));
        assertThat(this.graph.statementsRun() - then).isEqualTo(1);
    }

}
