package org.casegraph.graph;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 date with the precision its source gives: {@code 2011}, {@code 2011-12} or
 * {@code 2011-12-15}. Its text sorts coarse before fine
 * ({@code 2011 < 2011-12 < 2011-12-15}), which is the order timelines use.
 */
public record PartialDate(String value) implements Comparable<PartialDate> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a PartialDate; use 2011, 2011-12 or 2011-12-15");
        }
    }

    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (matcher.group(3) != null) {
                LocalDate.of(year, Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            }
            else if (matcher.group(2) != null) {
                YearMonth.of(year, Integer.parseInt(matcher.group(2)));
            }
            return true;
        }
        catch (DateTimeException ex) {
            return false;
        }
    }

    /**
     * The text just above every date within {@code value}, for inclusive upper bounds:
     * under it, 2011 covers 2011-12-31 ('~' sorts after digits and '-'). Null for no
     * bound.
     */
    public static String upperBound(String value) {
        return value == null ? null : value + "~";
    }

    @Override
    public int compareTo(PartialDate other) {
        return this.value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return this.value;
    }

}
