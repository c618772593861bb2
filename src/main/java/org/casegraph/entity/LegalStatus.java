package org.casegraph.entity;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.casegraph.graph.EventOrder;

/**
 * A person's legal standing in one case as of a date, read from the case's legal events.
 * A conviction counts only while no later event overturns it; without one the person is
 * "alleged", never "convicted".
 *
 * @param caseId the case
 * @param status the latest legal event's kind, e.g. {@code pardon} or
 * {@code conviction-overturned}
 * @param standing {@code convicted}, {@code conviction overturned}, {@code acquitted} or
 * {@code alleged}
 * @param convicted whether a conviction stands
 * @param since the date of the latest legal event
 * @param history the legal events in the timeline's order: by date, coarse before fine,
 * then by ordinal (see {@link EventOrder})
 */
public record LegalStatus(String caseId, String status, String standing, boolean convicted, String since,
        List<Event> history) {

    /** Event kinds that change someone's legal status. */
    public static final Set<String> LEGAL_KINDS = Set.of("arrest", "charge", "indictment", "trial", "conviction",
            "sentence", "acquittal", "pardon", "release", "arrest-order", "expulsion", "appeal",
            "conviction-overturned", "plea");

    private static final Set<String> CONVICTING = Set.of("conviction", "sentence", "plea");

    private static final Set<String> UNDOING = Set.of("conviction-overturned", "acquittal");

    public static LegalStatus of(String caseId, List<Event> events) {
        List<Event> history = events.stream()
            .filter((event) -> LEGAL_KINDS.contains(event.kind()))
            .sorted(Comparator.comparing((Event event) -> EventOrder.sortKey(event.date(), event.ordinal()))
                .thenComparing(Event::id))
            .toList();
        boolean convicted = false;
        boolean overturned = false;
        boolean acquitted = false;
        for (Event event : history) {
            if (CONVICTING.contains(event.kind())) {
                convicted = true;
                overturned = false;
            }
            else if (UNDOING.contains(event.kind())) {
                convicted = false;
                overturned = "conviction-overturned".equals(event.kind());
                acquitted = "acquittal".equals(event.kind());
            }
        }
        String standing = convicted ? "convicted"
                : overturned ? "conviction overturned" : acquitted ? "acquitted" : "alleged";
        Event latest = history.isEmpty() ? null : history.get(history.size() - 1);
        return new LegalStatus(caseId, latest == null ? "suspected" : latest.kind(), standing, convicted,
                latest == null ? null : latest.date(), history);
    }

}
