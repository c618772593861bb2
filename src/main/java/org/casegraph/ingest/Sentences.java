package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentence bounds in a text, for candidate quotes and for the context that flags a
 * victim: a sentence ends at . ! or ? before a space and a capital or an opening quote,
 * and at every paragraph break.
 */
final class Sentences {

    private static final Pattern END = Pattern
        .compile("(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|No|U\\.S))"
                + "[.!?][\"'\u201d\u2019)]?(?=\\s+[\"'\u201c\u2018(]?[A-Z0-9])|\\n\\s*\\n|\\n");

    record Span(int start, int end) {
    }

    private final List<Span> spans = new ArrayList<>();

    private final String text;

    Sentences(String text) {
        this.text = text;
        Matcher end = END.matcher(text);
        int start = 0;
        while (end.find()) {
            add(text, start, end.end());
            start = end.end();
        }
        add(text, start, text.length());
    }

    private void add(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            this.spans.add(new Span(from, to));
        }
    }

    /** The sentence that holds offset {@code at}. */
    Span around(int at) {
        for (Span span : this.spans) {
            if (at < span.end()) {
                return span.start() <= at ? span : new Span(at, at);
            }
        }
        return this.spans.isEmpty() ? new Span(0, 0) : this.spans.get(this.spans.size() - 1);
    }

    /**
     * The sentence around offset {@code at}, carried on to {@code end} when a span runs
     * past it, white space collapsed: a candidate quote.
     */
    String quote(int at, int end) {
        Span sentence = around(at);
        return this.text.substring(sentence.start(), Math.max(sentence.end(), end)).strip().replaceAll("\\s+", " ");
    }

    List<Span> all() {
        return this.spans;
    }

}
