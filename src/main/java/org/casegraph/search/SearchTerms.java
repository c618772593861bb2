package org.casegraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.casegraph.support.InvalidArgumentException;

/**
 * What a person typed, turned into terms and into Lucene queries that only ever mean
 * "find these words": every term passes through the same analyzer as the index and is
 * escaped, so quotes, brackets, colons, wildcards, backslashes and AND/OR/NOT are plain
 * text, never syntax.
 */
public record SearchTerms(String exact, List<String> terms) {

    static final int MAX_QUERY_LENGTH = 200;

    static final int MAX_TERMS = 12;

    private static final int MAX_TERM_LENGTH = 40;

    public static SearchTerms parse(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidArgumentException("query", "must contain at least one letter or digit");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidArgumentException("query",
                    "must be at most " + MAX_QUERY_LENGTH + " characters, not " + query.length());
        }
        List<String> terms = new ArrayList<>();
        try (StandardAnalyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
                // A colon joins words in Unicode word breaking ("name:rubio"); here it
                // only ever separates them.
                TokenStream tokens = analyzer.tokenStream("q", query.replace(':', ' '))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
                String text = term.toString();
                if (text.length() <= MAX_TERM_LENGTH && !terms.contains(text)) {
                    terms.add(text);
                }
            }
            tokens.end();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (terms.isEmpty()) {
            throw new InvalidArgumentException("query", "must contain at least one letter or digit");
        }
        String exact = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return new SearchTerms(exact, List.copyOf(terms));
    }

    /**
     * For names: the whole phrase first, then all words, then any word; each word
     * exactly, as a prefix (for search-as-you-type) or with one typo.
     */
    public String namesQuery() {
        String all = this.terms.stream().map(SearchTerms::forgiving).collect(Collectors.joining(" AND "));
        String any = this.terms.stream().map(SearchTerms::forgiving).collect(Collectors.joining(" OR "));
        String phrase = this.terms.stream().map(QueryParser::escape).collect(Collectors.joining(" "));
        return "\"" + phrase + "\"^8 OR (" + all + ")^2 OR " + any;
    }

    /** For summaries and quotes: the words, each exactly or with one typo. */
    public String textsQuery() {
        return this.terms.stream().map((term) -> {
            String escaped = QueryParser.escape(term);
            return term.length() >= 4 ? "(" + escaped + " OR " + escaped + "~1)" : escaped;
        }).collect(Collectors.joining(" OR "));
    }

    private static String forgiving(String term) {
        String escaped = QueryParser.escape(term);
        if (term.length() >= 3) {
            return "(" + escaped + "^4 OR " + escaped + "*^2 OR " + escaped + "~1)";
        }
        return "(" + escaped + "^4 OR " + escaped + "*)";
    }

}
