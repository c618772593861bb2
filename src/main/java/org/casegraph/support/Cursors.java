package org.casegraph.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: a position in a result list, tagged with the list it belongs to
 * so that a cursor from one operation is not mistaken for another's.
 */
public final class Cursors {

    /**
     * Between the sort values of a key cursor: a character no id or sort key contains.
     */
    private static final String KEY_SEPARATOR = "\u001f";

    private Cursors() {
    }

    public static String encode(String kind, int offset) {
        return encoded(kind, Integer.toString(offset));
    }

    /** The offset just after {@code after}, or 0 without a cursor. */
    public static int offsetAfter(String kind, String after) {
        if (after == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(position(kind, after));
            if (offset >= 0) {
                return offset + 1;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw notACursor(kind);
    }

    /**
     * A cursor that holds a position in a sort order rather than an offset: the sort
     * values of the item it names, so that the next page starts just past that item even
     * when items were added or removed before it.
     */
    public static String encodeKey(String kind, String... values) {
        return encoded(kind, String.join(KEY_SEPARATOR, values));
    }

    /** The {@code count} sort values in {@code after}, or null without a cursor. */
    public static String[] keyAfter(String kind, String after, int count) {
        if (after == null) {
            return null;
        }
        String[] values = position(kind, after).split(KEY_SEPARATOR, -1);
        if (values.length != count) {
            throw notACursor(kind);
        }
        return values;
    }

    /**
     * Checks a requested page size against the API's limit: {@link Arguments#within} for
     * {@code first}.
     */
    public static int pageSize(Integer first, int fallback, int max) {
        return Arguments.within("first", first, fallback, 0, max);
    }

    private static String encoded(String kind, String position) {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** What a cursor of this kind holds after its tag. */
    private static String position(String kind, String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ":")) {
                return decoded.substring(kind.length() + 1);
            }
        }
        catch (IllegalArgumentException ex) {
            // reported below
        }
        throw notACursor(kind);
    }

    private static InvalidArgumentException notACursor(String kind) {
        return new InvalidArgumentException("after", "is not a cursor returned by this " + kind + " query");
    }

}
