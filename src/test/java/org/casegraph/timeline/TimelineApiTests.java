package org.casegraph.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.CaseGraphTest;
import org.casegraph.graph.EventOrder;
import org.casegraph.graph.Graph;
import org.casegraph.seed.SeedLoader;
import org.casegraph.support.EventOrderFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@CaseGraphTest
public class TimelineApiTests {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    SeedLoader seedLoader;

    @Autowired
    Graph graph;

    /**
     * The made-up 1901 case, loaded only for the tests of the order within a date and
     * removed after each.
     */
    private boolean fixture;

    private void loadEventOrderFixture() {
        EventOrderFixture.load(this.seedLoader);
        this.fixture = true;
    }

    @AfterEach
    void removeEventOrderFixture() {
        if (this.fixture) {
            EventOrderFixture.remove(this.graph);
        }
    }

    /**
     * A timeline asked for a few fields reads only those of each event (and the sort key
     * its cursors hold): its pages are those of a timeline that reads the events whole.
     */
    @Test
    void aTimelineAskedForFewFieldsPagesAsWhenReadWhole() {
        String few = """
                query($after: String) { timeline(entityId: "person/alexander-trofimov", first: 3, after: $after) {
                  edges { cursor node { id name date } } pageInfo { hasNextPage endCursor } } }""";
        String whole = """
                query($after: String) { timeline(entityId: "person/alexander-trofimov", first: 3, after: $after) {
                  edges { cursor node { id name date sources { quote } relationships(first: 1) { id } } }
                  pageInfo { hasNextPage endCursor } } }""";
        String after = null;
        int events = 0;
        do {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("after", after);
            GraphQlTester.Response fewPage = this.graphQl.document(few).variables(variables).execute();
            GraphQlTester.Response wholePage = this.graphQl.document(whole).variables(variables).execute();
            List<Map> fewEdges = fewPage.path("timeline.edges").entityList(Map.class).get();
            List<Map> wholeEdges = wholePage.path("timeline.edges").entityList(Map.class).get();
            assertThat(fewEdges).extracting((edge) -> edge.get("cursor"))
                .containsExactlyElementsOf(wholeEdges.stream().map((edge) -> edge.get("cursor")).toList());
            for (int i = 0; i < fewEdges.size(); i++) {
                Map node = (Map) wholeEdges.get(i).get("node");
                assertThat(fewEdges.get(i).get("node"))
                    .isEqualTo(Map.of("id", node.get("id"), "name", node.get("name"), "date", node.get("date")));
            }
            events += fewEdges.size();
            after = fewPage.path("timeline.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? fewPage.path("timeline.pageInfo.endCursor").entity(String.class).get() : null;
        }
        while (after != null);
        assertThat(events).as("more than one page").isGreaterThan(3);
    }

    @Test
    void eventsOnOneDateComeOutByOrdinalAndAMonthBeforeItsDays() {
        loadEventOrderFixture();
        GraphQlTester.Response response = this.graphQl.documentName("timelineOrder")
            .variable("from", "1901")
            .variable("to", "1901")
            .variable("first", 100)
            .execute();
        List<String> ids = response.path("timeline.edges[*].node.id").entityList(String.class).get();
        assertThat(ids).containsExactlyElementsOf(EventOrderFixture.IN_ORDER);
        List<Integer> ordinalsOnTheFifth = response.path("timeline.edges[?(@.node.date == '1901-10-05')].node.ordinal")
            .entityList(Integer.class)
            .get();
        assertThat(ordinalsOnTheFifth).containsExactly(1, 2, 3, 4);
        assertThat(ids.indexOf("event/order-test-zz-month")).as("1901-10 without an ordinal before 1901-10-05")
            .isLessThan(ids.indexOf("event/order-test-indictment"));
        assertThat(ids.indexOf("event/order-test-appeal")).as("1901-10 with ordinal 1 after that month's days")
            .isGreaterThan(ids.indexOf("event/order-test-sentence"))
            .isLessThan(ids.indexOf("event/order-test-november"));
    }

    @Test
    void anEntitysTimelineUsesTheSameOrder() {
        loadEventOrderFixture();
        List<String> ids = this.graphQl.documentName("timelineOrder")
            .variable("entityId", EventOrderFixture.CASE)
            .variable("first", 100)
            .execute()
            .path("timeline.edges[*].node.id")
            .entityList(String.class)
            .get();
        assertThat(ids).containsExactlyElementsOf(EventOrderFixture.CASE_EVENTS);
    }

    @Test
    void totalCountIsTheNumberOfMatchingEventsOnEveryPage() {
        loadEventOrderFixture();
        long events = this.graph.single("MATCH (e:Event) RETURN count(e) AS n", Map.of(), (r) -> r.get("n").asLong());
        GraphQlTester.Response all = this.graphQl.documentName("timelineOrder").variable("first", 3).execute();
        all.path("timeline.totalCount").entity(Long.class).isEqualTo(events);
        all.path("timeline.edges").entityList(Object.class).hasSize(3);
        String after = all.path("timeline.pageInfo.endCursor").entity(String.class).get();
        this.graphQl.documentName("timelineOrder")
            .variable("first", 3)
            .variable("after", after)
            .execute()
            .path("timeline.totalCount")
            .entity(Long.class)
            .isEqualTo(events);

        this.graphQl.documentName("timelineOrder")
            .variable("from", "1901")
            .variable("to", "1901-10")
            .variable("first", 1)
            .execute()
            .path("timeline.totalCount")
            .entity(Integer.class)
            .isEqualTo(EventOrderFixture.IN_ORDER.size() - 1);
        GraphQlTester.Response ofTheCase = this.graphQl.documentName("timelineOrder")
            .variable("entityId", EventOrderFixture.CASE)
            .variable("first", 2)
            .execute();
        ofTheCase.path("timeline.totalCount").entity(Integer.class).isEqualTo(EventOrderFixture.CASE_EVENTS.size());
        this.graphQl.documentName("timelineOrder")
            .variable("entityId", "person/order-test-nobody")
            .execute()
            .path("timeline.totalCount")
            .entity(Integer.class)
            .isEqualTo(0);
    }

    @Test
    void pagingOneByOneThroughADatesEventsVisitsEachOnceInOrder() {
        loadEventOrderFixture();
        List<String> ids = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = this.graphQl.documentName("timelineOrder")
                .variable("from", "1901")
                .variable("to", "1901")
                .variable("first", 1)
                .variable("after", after)
                .execute();
            ids.addAll(page.path("timeline.edges[*].node.id").entityList(String.class).hasSize(1).get());
            dates.addAll(page.path("timeline.edges[*].node.date").entityList(String.class).get());
            page.path("timeline.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            more = page.path("timeline.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("timeline.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(ids).containsExactlyElementsOf(EventOrderFixture.IN_ORDER);
        assertThat(dates).filteredOn("1901-10-05"::equals).hasSize(4);
    }

    @Test
    void aCursorIsAPositionSoAnEventAddedBeforeItIsNotSeenTwice() {
        loadEventOrderFixture();
        GraphQlTester.Response first = this.graphQl.documentName("timelineOrder")
            .variable("from", "1901")
            .variable("to", "1901")
            .variable("first", 3)
            .execute();
        String after = first.path("timeline.pageInfo.endCursor").entity(String.class).get();
        // An event earlier on the same date arrives between two page requests.
        this.graph.write(
                (tx) -> tx
                    .run("""
                            MATCH (e:Event {id: 'event/order-test-indictment'})
                            CREATE (:Entity:Event {id: 'event/order-test-arraignment', name: 'Order test, arraignment', kind: 'charge',
                              date: e.date, ordinal: 0, sortKey: $key, citeDocs: e.citeDocs, citeQuotes: e.citeQuotes})
                            """,
                            Map.of("key", EventOrder.sortKey("1901-10-05", 0)))
                    .consume());
        List<String> rest = this.graphQl.documentName("timelineOrder")
            .variable("from", "1901")
            .variable("to", "1901")
            .variable("first", 100)
            .variable("after", after)
            .execute()
            .path("timeline.edges[*].node.id")
            .entityList(String.class)
            .get();
        assertThat(rest)
            .containsExactlyElementsOf(EventOrderFixture.IN_ORDER.subList(3, EventOrderFixture.IN_ORDER.size()));
    }

    @Test
    void rejectsACursorOfAnotherList() {
        this.graphQl.documentName("timelineOrder")
            .variable("after", "c2VhcmNoOjQ")
            .execute()
            .errors()
            .expect((error) -> error.getMessage().contains("'after'") && error.getMessage().contains("not a cursor"))
            .verify();
    }

    @Test
    void cambodiaFrom2002To2015InDateOrder() {
        List<String> dates = this.graphQl.documentName("timeline")
            .variable("entityId", "place/cambodia")
            .variable("from", "2002")
            .variable("to", "2015")
            .variable("first", 100)
            .execute()
            .path("timeline.edges[*].node.date")
            .entityList(String.class)
            .get();
        assertThat(dates).isNotEmpty().isSorted().allSatisfy((date) -> assertThat(date).isBetween("2002", "2015~"));
    }

    @Test
    void coarseDatesSortBeforeFinerOnes() {
        List<String> dates = all("date", 100);
        assertThat(dates).isSorted();
        assertThat(dates.indexOf("2011")).as("2011 before 2011-12").isLessThan(dates.indexOf("2011-12"));
    }

    @Test
    void anOffendersTimelineIncludesHisCaseEvents() {
        List<String> ids = this.graphQl.documentName("timeline")
            .variable("entityId", "person/alexander-trofimov")
            .variable("first", 100)
            .execute()
            .path("timeline.edges[*].node.id")
            .entityList(String.class)
            .get();
        assertThat(ids).contains("event/trofimov-conviction", "event/trofimov-pardon", "event/trofimov-arrest-order");
        assertThat(ids.indexOf("event/trofimov-conviction")).isLessThan(ids.indexOf("event/trofimov-pardon"));
    }

    @Test
    void pagesThroughEveryEventOnce() {
        List<String> bigPages = all("id", 100);
        List<String> smallPages = all("id", 7);
        assertThat(smallPages).isEqualTo(bigPages).doesNotHaveDuplicates().hasSizeGreaterThan(7);
    }

    @Test
    void rejectsMalformedDates() {
        this.graphQl.documentName("timeline")
            .variable("from", "2011-13")
            .execute()
            .errors()
            .expect((error) -> error.getMessage().contains("is not a PartialDate"))
            .verify();
    }

    private List<String> all(String field, int pageSize) {
        List<String> values = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = this.graphQl.documentName("timeline")
                .variable("first", pageSize)
                .variable("after", after)
                .execute();
            values.addAll(page.path("timeline.edges[*].node." + field).entityList(String.class).get());
            more = page.path("timeline.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("timeline.pageInfo.endCursor").entity(String.class).get();
        }
        return values;
    }

}
