package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * The graph's names and aliases matched over a text with two Aho-Corasick automata: one
 * ignoring case, and one exact for all-caps and short names, so that the place "LA" does
 * not match the word "la". The graph decides identity: a name that several entities share
 * links to none of them.
 */
final class Gazetteer {

    /** A name as the graph knows it. */
    record Name(String text, String entityId, String type) {
    }

    /**
     * A match: {@code [start, end)} in the text, and the entities whose name or alias it
     * is.
     */
    record Match(int start, int end, Set<String> entityIds, String type) {
    }

    private final Trie caseless;

    private final Trie exact;

    private final Map<String, Set<Name>> byKey = new HashMap<>();

    Gazetteer(List<Name> names) {
        Trie.TrieBuilder caseless = Trie.builder().ignoreCase().onlyWholeWords();
        Trie.TrieBuilder exact = Trie.builder().onlyWholeWords();
        List<Name> all = new java.util.ArrayList<>(names);
        // A person is named by surname alone after the first mention ("Trofimov"): link
        // it, unless it is someone
        // else's name too (then it links to none, as every shared name does).
        for (Name name : names) {
            String[] words = name.text().strip().split("\\s+");
            String last = words[words.length - 1];
            if ("Person".equals(name.type()) && words.length > 1 && last.length() > 3
                    && Character.isUpperCase(last.charAt(0))) {
                all.add(new Name(last, name.entityId(), name.type()));
            }
        }
        for (Name name : all) {
            String text = name.text().strip();
            if (text.length() < 2) {
                continue;
            }
            if (exactOnly(text)) {
                exact.addKeyword(text);
                this.byKey.computeIfAbsent("=" + text, (k) -> new LinkedHashSet<>()).add(name);
            }
            else {
                caseless.addKeyword(text);
                this.byKey.computeIfAbsent("~" + text.toLowerCase(Locale.ROOT), (k) -> new LinkedHashSet<>()).add(name);
            }
        }
        this.caseless = caseless.build();
        this.exact = exact.build();
    }

    static boolean exactOnly(String name) {
        return name.length() <= 3 || name.equals(name.toUpperCase(Locale.ROOT));
    }

    /** The longest non-overlapping matches, left to right. */
    List<Match> match(String text) {
        List<Match> all = new ArrayList<>();
        for (Emit emit : this.caseless.parseText(text)) {
            add(all, emit, this.byKey.get("~" + emit.getKeyword().toLowerCase(Locale.ROOT)));
        }
        for (Emit emit : this.exact.parseText(text)) {
            add(all, emit, this.byKey.get("=" + emit.getKeyword()));
        }
        all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end() - b.start(), a.end() - a.start()));
        List<Match> kept = new ArrayList<>();
        for (Match match : all) {
            if (!kept.isEmpty() && match.start() < kept.get(kept.size() - 1).end()) {
                Match last = kept.get(kept.size() - 1);
                if (match.end() - match.start() > last.end() - last.start()) {
                    kept.set(kept.size() - 1, match);
                }
                continue;
            }
            kept.add(match);
        }
        return kept;
    }

    private static void add(List<Match> all, Emit emit, Set<Name> names) {
        if (names == null || names.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        names.forEach((n) -> ids.add(n.entityId()));
        all.add(new Match(emit.getStart(), emit.getEnd() + 1, ids, names.iterator().next().type()));
    }

}
