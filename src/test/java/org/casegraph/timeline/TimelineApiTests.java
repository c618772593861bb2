package org.casegraph.timeline;

import java.util.ArrayList;
import java.util.List;

import org.casegraph.CaseGraphTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@CaseGraphTest
public class TimelineApiTests {

    @Autowired
    GraphQlTester graphQl;

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
