package org.casegraph.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text patterns of the victim group rule: one person's age is refused, an age band is
 * not.
 */
class VictimGroupRuleTests {

    @Test
    void findsOnePersonsAge() {
        assertThat(List.of("mostly under 18 (youngest 14)", "the youngest was 13", "aged 14", "a girl aged fifteen",
                "at the age of 14", "a 14-year-old", "16 years old", "the oldest, 17"))
            .allSatisfy((text) -> assertThat(VictimGroupRule.oneAge(text)).as(text).isNotNull());
    }

    @Test
    void letsAgeBandsPass() {
        assertThat(List.of("14-17", "under 18", "aged 14 to 17", "14-17 years old", "ages 12–15", "adult",
                "under 18 (some as young as 5–6)", "mixed minors and young adults", "youngest under 10",
                "17 girls rescued in 2009"))
            .allSatisfy((text) -> assertThat(VictimGroupRule.oneAge(text)).as(text).isNull());
    }

    @Test
    void anAgeBandIsNotOneNumberAndGroupsOfFiveOrMoreMayNameAMonth() {
        assertThat(fieldProblems(Map.of("name", "x", "count", 12L, "ageBand", "14"))).singleElement()
            .asString()
            .startsWith("victim-group-detail: ageBand: is one age");
        assertThat(fieldProblems(
                Map.of("name", "Twelve girls rescued in October 2009", "count", 12L, "ageBand", "under 18")))
            .isEmpty();
        assertThat(fieldProblems(Map.of("name", "Three girls rescued in October 2009", "count", 3L))).singleElement()
            .asString()
            .startsWith("victim-group-detail: name: gives a month or day");
        assertThat(
                fieldProblems(Map.of("name", "Girls rescued in May 2009", "count", 40L, "countQualifier", "at-most")))
            .as("at most 40 may be fewer than five")
            .hasSize(1);
    }

    private static List<String> fieldProblems(Map<String, Object> victim) {
        List<String> problems = new ArrayList<>();
        VictimGroupRule.checkFields(victim, (field, message) -> problems.add(message));
        return problems;
    }

}
