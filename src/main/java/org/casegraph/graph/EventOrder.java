package org.casegraph.graph;

/**
 * The order of events in timelines and legal histories: by date, coarse before fine, and
 * by {@code ordinal} among events of the same date.
 * <p>
 * The sort key is one text that compares as the tuple (year, year ordinal, month, month
 * ordinal, day, day ordinal), a missing part sorting first. An event puts its ordinal in
 * the slot of its own precision and 0 in the coarser ones. So, with ordinals unset,
 * {@code 2009-10} sorts before {@code 2009-10-05} (the month's slot is empty at the day
 * level); events on one date sort by ordinal; and a positive ordinal on a month-level
 * date moves the event after that month's days (the sources say it came later), a
 * negative one before the month-level events without one. Each part has a fixed width, so
 * the text compares as the tuple does: {@code 2009-10-05} with ordinal 2 is
 * {@code 2009.1000-10.1000-05.1002}.
 * <p>
 * {@code schema/V0007__event_sort_key.cypher} computes the same key in Cypher for events
 * written before it existed.
 */
public final class EventOrder {

    /** The node property that holds the key. */
    public static final String SORT_KEY = "sortKey";

    public static final int MIN_ORDINAL = -999;

    public static final int MAX_ORDINAL = 999;

    /** Ordinal 0 in a coarser slot, as stored. */
    private static final String ZERO = slot(0);

    private EventOrder() {
    }

    /**
     * The sort key of an event on {@code date} (a valid PartialDate) with {@code ordinal}
     * (null counts as 0).
     */
    public static String sortKey(String date, Number ordinal) {
        long value = ordinal == null ? 0 : ordinal.longValue();
        if (value < MIN_ORDINAL || value > MAX_ORDINAL) {
            throw new IllegalArgumentException("ordinal " + value + " is outside " + MIN_ORDINAL + ".." + MAX_ORDINAL);
        }
        String[] parts = new PartialDate(date).value().split("-");
        StringBuilder key = new StringBuilder(25);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append('-');
            }
            key.append(parts[i]).append('.').append(i == parts.length - 1 ? slot(value) : ZERO);
        }
        return key.toString();
    }

    /** Whether an ordinal fits the key. */
    public static boolean isValidOrdinal(long ordinal) {
        return ordinal >= MIN_ORDINAL && ordinal <= MAX_ORDINAL;
    }

    private static String slot(long ordinal) {
        return String.format("%04d", ordinal + 1000);
    }

}
