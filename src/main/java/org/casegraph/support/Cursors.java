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
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((kind + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset just after {@code after}, or 0 without a cursor. */
    public static int offsetAfter(String kind, String after) {
        if (after == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ":")) {
                int offset = Integer.parseInt(decoded.substring(kind.length() + 1));
                if (offset >= 0) {
                    return offset + 1;
                }
            }
        }
        catch (IllegalArgumentException ex) {
            // reported below
        }
        throw new InvalidArgumentException("after", "is not a cursor returned by this " + kind + " query");
    }

    /**
     * A cursor that holds a position in a sort order rather than an offset: the sort
     * values of the item it names, so that the next page starts just past that item even
     * when items were added or removed before it.
     */
    public static String encodeKey(String kind, String... values) {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((kind + ":" + String.join(KEY_SEPARATOR, values)).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code count} sort values in {@code after}, or null without a cursor. */
    public static String[] keyAfter(String kind, String after, int count) {
        if (after == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ":")) {
                String[] values = decoded.substring(kind.length() + 1).split(KEY_SEPARATOR, -1);
                if (values.length == count) {
                    return values;
                }
            }
        }
        catch (IllegalArgumentException ex) {
            // reported below
        }
        throw new InvalidArgumentException("after", "is not a cursor returned by this " + kind + " query");
    }

    /** Checks a requested page size against the API's limit. */
    public static int pageSize(Integer first, int fallback, int max) {
        int size = first == null ? fallback : first;
        if (size < 0 || size > max) {
            throw new InvalidArgumentException("first", "must be between 0 and " + max + ", not " + size);
        }
        return size;
    }

}
