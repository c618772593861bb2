package org.casegraph.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.casegraph.CaseGraphTest;
import org.casegraph.seed.SeedLoader;
import org.casegraph.support.EventOrderFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The sort key of events: its order, and the migration that gives it to events written
 * before it existed.
 */
@CaseGraphTest
class EventOrderTests {

    @Autowired
    Graph graph;

    @Autowired
    SeedLoader seedLoader;

    private record Dated(String date, Integer ordinal) {
    }

    @Test
    void sortsCoarseBeforeFineAndByOrdinalWithinADate() {
        List<Dated> expected = List.of(new Dated("2008-12-31", 5), new Dated("2009", -1), new Dated("2009", null),
                new Dated("2009-10", -3), new Dated("2009-10", 0), new Dated("2009-10-05", -2),
                new Dated("2009-10-05", null), new Dated("2009-10-05", 1), new Dated("2009-10-05", 12),
                new Dated("2009-10-20", 0), new Dated("2009-10", 1), new Dated("2009-11-01", 0), new Dated("2009", 2),
                new Dated("2010", 0));
        List<Dated> shuffled = new ArrayList<>(expected);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(Comparator.comparing((Dated d) -> EventOrder.sortKey(d.date(), d.ordinal())));
        assertThat(shuffled).containsExactlyElementsOf(expected);
        assertThat(EventOrder.sortKey("2009-10-05", 2)).isEqualTo("2009.1000-10.1000-05.1002");
    }

    @Test
    void refusesOrdinalsOutsideItsRange() {
        assertThat(EventOrder.sortKey("2009", EventOrder.MAX_ORDINAL)).isEqualTo("2009.1999");
        assertThat(EventOrder.sortKey("2009", EventOrder.MIN_ORDINAL)).isEqualTo("2009.0001");
        assertThatIllegalArgumentException().isThrownBy(() -> EventOrder.sortKey("2009", 1000));
        assertThatIllegalArgumentException().isThrownBy(() -> EventOrder.sortKey("2009-13", 0));
    }

    @Test
    void theMigrationComputesTheKeyEveryWritePathStores() {
        EventOrderFixture.load(this.seedLoader);
        try {
            this.graph
                .write((tx) -> tx.run("MATCH (e:Event) WHERE e.id CONTAINS '/order-test-' REMOVE e.sortKey").consume());
            SchemaMigrations.Migration migration = SchemaMigrations.load()
                .stream()
                .filter((m) -> m.description().equals("event_sort_key"))
                .findFirst()
                .orElseThrow();
            migration.statements().forEach(this.graph::schema);
            List<Map<String, Object>> events = this.graph.query("""
                    MATCH (e:Event) RETURN e.date AS date, e.ordinal AS ordinal, e.sortKey AS sortKey
                    """, Map.of(), (r) -> r.asMap());
            assertThat(events).hasSizeGreaterThan(EventOrderFixture.IN_ORDER.size())
                .anySatisfy((event) -> assertThat(event.get("ordinal")).isNotNull())
                .allSatisfy((event) -> assertThat(event.get("sortKey"))
                    .isEqualTo(EventOrder.sortKey((String) event.get("date"), (Number) event.get("ordinal"))));
        }
        finally {
            EventOrderFixture.remove(this.graph);
        }
    }

}
