package org.casegraph.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: a position in a result list, tagged with the list it belongs to so that a cursor from
 * one operation is not mistaken for another's.
 */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String kind, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + offset).getBytes(StandardCharsets.UTF_8));
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

    /** Checks a requested page size against the API's limit. */
    public static int pageSize(Integer first, int fallback, int max) {
        int size = first == null ? fallback : first;
        if (size < 0 || size > max) {
            throw new InvalidArgumentException("first", "must be between 0 and " + max + ", not " + size);
        }
        return size;
    }

}
