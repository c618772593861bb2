package org.casegraph.support;

import java.util.List;
import java.util.Map;

import org.casegraph.graph.Graph;
import org.casegraph.seed.SeedLoader;

/**
 * A made-up case in 1901 for the tests of event order
 * ({@code src/test/resources/event-order/order-test.yaml}), written through the seed
 * loader's write path and removed again, so the seed data the other tests share is left
 * as it was.
 */
public final class EventOrderFixture {

    public static final String CASE = "case/order-test-case";

    public static final String DEFENDANT = "person/order-test-defendant";

    /** The order the events happened in, as the fixture's dates and ordinals say. */
    public static final List<String> IN_ORDER = List.of("event/order-test-year", "event/order-test-zz-month",
            "event/order-test-indictment", "event/order-test-trial", "event/order-test-conviction",
            "event/order-test-sentence", "event/order-test-appeal", "event/order-test-november");

    /** The legal events of the case, in order. */
    public static final List<String> CASE_EVENTS = List.of("event/order-test-indictment", "event/order-test-trial",
            "event/order-test-conviction", "event/order-test-sentence", "event/order-test-appeal");

    private EventOrderFixture() {
    }

    public static void load(SeedLoader loader) {
        loader.load(loader.read(SeedLoader.files("classpath:event-order/*.yaml")));
    }

    public static void remove(Graph graph) {
        graph.write((tx) -> tx.run("""
                MATCH (n:Entity) WHERE n.id ENDS WITH '/order-test-source' OR n.id CONTAINS '/order-test-'
                DETACH DELETE n
                """, Map.of()).consume());
    }

}
