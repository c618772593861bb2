package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text as it may be published: every occurrence of every name marked or still flagged
 * as a victim's, and of each word of such a name, replaced with {@code [victim]}. Offsets
 * of the original map onto the redacted text, so that an accepted mention's sentence can
 * be quoted from what is published.
 */
final class Redaction {

    static final String MARK = "[victim]";

    private final String text;

    /** Redacted intervals of the original, sorted and disjoint: {start, end}. */
    private final List<int[]> cuts;

    private Redaction(String text, List<int[]> cuts) {
        this.text = text;
        this.cuts = cuts;
    }

    static Redaction of(Ingestion ingestion) {
        String original = ingestion.text();
        Set<String> names = new LinkedHashSet<>();
        List<int[]> spans = new ArrayList<>();
        for (Mention mention : ingestion.mentions()) {
            if (mention.redacts()) {
                names.add(mention.text().strip());
                spans.add(new int[] { mention.start(), mention.end() });
                for (String word : mention.text().split("[\\s.,]+")) {
                    // A surname or first name alone names the person too; skip
                    // initials-free stubs like "Jr".
                    if (word.length() > 2 && Character.isUpperCase(word.charAt(0))) {
                        names.add(word);
                    }
                }
            }
        }
        for (String name : names) {
            Matcher found = Pattern
                .compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(original);
            while (found.find()) {
                spans.add(new int[] { found.start(), found.end() });
            }
        }
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] span : spans) {
            if (!merged.isEmpty() && span[0] <= merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], span[1]);
            }
            else {
                merged.add(new int[] { span[0], span[1] });
            }
        }
        return new Redaction(original, merged);
    }

    private String redacted;

    String text() {
        if (this.redacted == null) {
            this.redacted = build();
        }
        return this.redacted;
    }

    private String build() {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] cut : this.cuts) {
            out.append(this.text, at, cut[0]).append(MARK);
            at = cut[1];
        }
        return out.append(this.text.substring(at)).toString();
    }

    /**
     * Where an offset of the original stands in the redacted text (inside a cut: at the
     * cut's start).
     */
    int map(int offset) {
        int shift = 0;
        for (int[] cut : this.cuts) {
            if (offset <= cut[0]) {
                break;
            }
            if (offset < cut[1]) {
                return cut[0] + shift;
            }
            shift += MARK.length() - (cut[1] - cut[0]);
        }
        return offset + shift;
    }

    /**
     * The redacted text of the original's {@code [start, end)}, whitespace normalised, as
     * a quote.
     */
    String quote(int start, int end) {
        int from = map(start);
        int to = map(end);
        // A span ending inside a cut ends after its mark.
        for (int[] cut : this.cuts) {
            if (end > cut[0] && end < cut[1]) {
                to = map(cut[0]) + MARK.length();
            }
        }
        return text().substring(from, Math.max(from, to)).strip().replaceAll("\\s+", " ");
    }

}
