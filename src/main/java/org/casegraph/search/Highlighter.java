package org.casegraph.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the words of a text that match the search terms (exactly, as a prefix, or with
 * one typo) with {@code <em>}, HTML-escaping everything else, and cuts long texts to a
 * window around the first match.
 */
final class Highlighter {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final int WINDOW = 60;

    private Highlighter() {
    }

    /** The fragment of {@code text} around its matches, or null when no word matches. */
    static String highlight(String text, List<String> terms) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        List<int[]> matches = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (matches(word.group().toLowerCase(Locale.ROOT), terms)) {
                matches.add(new int[] { word.start(), word.end() });
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        int from = 0;
        int to = text.length();
        if (text.length() > 2 * WINDOW + 20) {
            from = Math.max(0, matches.get(0)[0] - WINDOW);
            to = Math.min(text.length(), matches.get(0)[1] + WINDOW);
        }
        StringBuilder fragment = new StringBuilder();
        if (from > 0) {
            fragment.append('…');
        }
        int at = from;
        for (int[] match : matches) {
            if (match[0] < from || match[1] > to) {
                continue;
            }
            fragment.append(escape(text.substring(at, match[0])))
                .append("<em>")
                .append(escape(text.substring(match[0], match[1])))
                .append("</em>");
            at = match[1];
        }
        fragment.append(escape(text.substring(at, to)));
        if (to < text.length()) {
            fragment.append('…');
        }
        return fragment.toString();
    }

    static boolean matches(String word, List<String> terms) {
        for (String term : terms) {
            if (word.equals(term) || (term.length() >= 2 && word.startsWith(term))
                    || (term.length() >= 3 && withinOneEdit(word, term))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when one insertion, deletion or substitution turns one word into the other.
     */
    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            }
            else if (a.length() < b.length()) {
                j++;
            }
            else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
