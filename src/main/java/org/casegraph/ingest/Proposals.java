package org.casegraph.ingest;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes an ingestion's mentions: the graph's names (linked), names the recogniser
 * finds that the graph does not know (new), and dates in sentences that say something
 * happened (new Events). A new person's name whose sentence says victim is flagged
 * {@code possibleVictim}, and so is every other occurrence of that name.
 */
final class Proposals {

    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "you", "he", "him", "his", "she", "her",
            "hers", "we", "us", "our", "they", "them", "their", "it", "its", "one", "who", "whom");

    static final Pattern VICTIM_CUES = Pattern.compile("(?i)\\b(?:rescued|rescue|victims?|survivors?|clients?|"
            + "trafficked|exploited|abused|enslaved|sold|minors?|underage|(?:\\d{1,2}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old|"
            + "aged \\d{1,2}|not (?:her|his|their) real name|(?:a|her|his) pseudonym|name (?:has been|was) changed|"
            + "girls?|boys?)\\b");

    private static final Pattern NAMED = Pattern.compile("\\b(?:named|called|nicknamed|known as)\\s+"
            + "(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?)|(\\p{Lu}[\\p{L}'-]+)(?=\\s*\\((?:not (?:her|his|their) real name|"
            + "a pseudonym|name changed)\\))");

    /** A quotation in the first person: testimony. */
    static final Pattern FIRST_PERSON = Pattern.compile("[\"\u201c][^\"\u201d]*\\b(?:I|my|me|I'm|I was)\\b");

    static final Pattern EVENT_WORDS = Pattern
        .compile("(?i)\\b(?:arrest(?:ed|s)?|convict(?:ed|ion|ions)?|sentenc(?:ed|e|es)|"
                + "pardon(?:ed|s)?|rescu(?:ed|e)|raid(?:ed|s)?|charged|released?|trials?|tried|acquitt(?:ed|al)|appeal(?:ed|s)?|"
                + "ordered|deport(?:ed|ation)|extradit(?:ed|ion)|expelled|ruled|ruling|overturned|fined|jailed|imprisoned|"
                + "detained|investigat(?:ed|ion)|signed|opened|published|released)\\b");

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";

    private static final Pattern DATES = Pattern.compile("\\b(?:(?<md>(?:" + MONTHS + ") \\d{1,2}, (?:19|20)\\d{2})|"
            + "(?<dm>\\d{1,2} (?:" + MONTHS + ") (?:19|20)\\d{2})|(?<my>(?:" + MONTHS + ")(?: of)? (?:19|20)\\d{2})|"
            + "(?<y>(?:19|20)\\d{2})|(?<rel>(?:(?:late|early|earlier|mid-)\\s?)?(?:last|this|next) (?:month|year|week)|yesterday)|"
            + "(?<m>(?<=\\b[Ii]n )(?:" + MONTHS + ")(?! \\d)))\\b");

    private Proposals() {
    }

    static List<Mention> propose(String text, Gazetteer gazetteer, List<NamedEntities.Found> names,
            LocalDate published) {
        Sentences sentences = new Sentences(text);
        List<Mention> mentions = new ArrayList<>();
        boolean[] taken = new boolean[text.length() + 1];
        for (Gazetteer.Match match : gazetteer.match(text)) {
            String entityId = match.entityIds().size() == 1 ? match.entityIds().iterator().next() : null;
            mentions.add(mention(text, sentences, match.start(), match.end(), match.type(), entityId,
                    entityId == null ? "gazetteer:ambiguous " + match.entityIds() : "gazetteer", null, null));
            mark(taken, match.start(), match.end());
        }
        for (NamedEntities.Found found : names) {
            String type = switch (found.label()) {
                case "PERSON" -> "Person";
                case "ORGANIZATION" -> "Organization";
                case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> "Place";
                default -> null;
            };
            if (type == null || overlaps(taken, found.start(), found.end())
                    || PRONOUNS.contains(found.text().toLowerCase(Locale.ROOT)) || found.text().length() < 2) {
                continue;
            }
            mentions.add(mention(text, sentences, found.start(), found.end(), type, null, "corenlp-ner", null, null));
            mark(taken, found.start(), found.end());
        }
        // "a girl named X", "X (not her real name)": names the recogniser often misses,
        // and the ones to protect.
        Matcher named = NAMED.matcher(text);
        while (named.find()) {
            int group = named.group(1) != null ? 1 : 2;
            int start = named.start(group);
            int end = named.end(group);
            if (!overlaps(taken, start, end) && !PRONOUNS.contains(named.group(group).toLowerCase(Locale.ROOT))) {
                mentions.add(mention(text, sentences, start, end, "Person", null, "named-rule", null, null));
                mark(taken, start, end);
            }
        }
        for (Sentences.Span sentence : sentences.all()) {
            String words = text.substring(sentence.start(), sentence.end());
            if (!EVENT_WORDS.matcher(words).find()) {
                continue;
            }
            Matcher date = DATES.matcher(words);
            while (date.find()) {
                int start = sentence.start() + date.start();
                int end = sentence.start() + date.end();
                if (overlaps(taken, start, end)) {
                    continue;
                }
                String[] resolved = resolve(date, published);
                if (resolved == null) {
                    continue;
                }
                mentions.add(mention(text, sentences, start, end, "Event", null,
                        "date-rule" + ("inferred".equals(resolved[1]) ? ":relative" : ""), resolved[0], resolved[1]));
                mark(taken, start, end);
            }
        }
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return flagVictims(text, sentences, mentions);
    }

    private static Mention mention(String text, Sentences sentences, int start, int end, String type, String entityId,
            String origin, String date, String dateQualifier) {
        return new Mention("m" + start + "-" + end, text.substring(start, end), start, end, type, entityId, false,
                sentences.quote(start, end), origin, null, "proposed", null, date, dateQualifier);
    }

    /**
     * New person names in a victim's context, and every other occurrence of those names.
     */
    private static List<Mention> flagVictims(String text, Sentences sentences, List<Mention> mentions) {
        Set<String> flagged = new HashSet<>();
        for (Mention mention : mentions) {
            if (!"Person".equals(mention.type()) || mention.entityId() != null) {
                continue;
            }
            Sentences.Span sentence = sentences.around(mention.start());
            String context = text.substring(sentence.start(), sentence.end());
            if (VICTIM_CUES.matcher(context).find() || FIRST_PERSON.matcher(context).find()) {
                flagged.add(mention.text().toLowerCase(Locale.ROOT));
            }
        }
        List<Mention> result = new ArrayList<>();
        for (Mention m : mentions) {
            boolean possible = "Person".equals(m.type()) && m.entityId() == null && sharesName(m.text(), flagged);
            result.add(possible ? new Mention(m.id(), m.text(), m.start(), m.end(), m.type(), m.entityId(), true,
                    m.quote(), m.origin(), m.victim(), m.status(), m.newEntity(), m.date(), m.dateQualifier()) : m);
        }
        return result;
    }

    /** The same name, or one that shares a word with it ("Jane" of "Jane Doe"). */
    private static boolean sharesName(String name, Set<String> flagged) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String other : flagged) {
            if (other.equals(lower)) {
                return true;
            }
            for (String word : lower.split("\\s+")) {
                if (word.length() > 2 && Set.of(other.split("\\s+")).contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The PartialDate and its qualifier; relative dates are resolved against the
     * publication date, inferred.
     */
    static String[] resolve(Matcher date, LocalDate published) {
        if (date.group("md") != null) {
            String[] parts = date.group("md").replace(",", "").split(" ");
            return new String[] {
                    String.format(Locale.ROOT, "%s-%02d-%02d", parts[2], month(parts[0]), Integer.parseInt(parts[1])),
                    "exact" };
        }
        if (date.group("dm") != null) {
            String[] parts = date.group("dm").split(" ");
            return new String[] {
                    String.format(Locale.ROOT, "%s-%02d-%02d", parts[2], month(parts[1]), Integer.parseInt(parts[0])),
                    "exact" };
        }
        if (date.group("my") != null) {
            String[] parts = date.group("my").split(" ");
            return new String[] { String.format(Locale.ROOT, "%s-%02d", parts[parts.length - 1], month(parts[0])),
                    "exact" };
        }
        if (date.group("y") != null) {
            return new String[] { date.group("y"), "exact" };
        }
        if (published == null) {
            return null;
        }
        if (date.group("m") != null) {
            int month = month(date.group("m"));
            int year = month <= published.getMonthValue() ? published.getYear() : published.getYear() - 1;
            return new String[] { String.format(Locale.ROOT, "%d-%02d", year, month), "inferred" };
        }
        String relative = date.group("rel").toLowerCase(Locale.ROOT);
        LocalDate at = published;
        if (relative.equals("yesterday")) {
            return new String[] { published.minusDays(1).toString(), "inferred" };
        }
        int step = relative.contains("last") ? -1 : relative.contains("next") ? 1 : 0;
        if (relative.endsWith("year")) {
            return new String[] { String.valueOf(at.plusYears(step).getYear()), "inferred" };
        }
        if (relative.endsWith("month")) {
            LocalDate month = at.plusMonths(step);
            return new String[] { String.format(Locale.ROOT, "%d-%02d", month.getYear(), month.getMonthValue()),
                    "inferred" };
        }
        return new String[] { at.plusWeeks(step).toString().substring(0, 7), "inferred" };
    }

    private static int month(String name) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equals(name)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }

    private static boolean overlaps(boolean[] taken, int start, int end) {
        for (int i = start; i < end && i < taken.length; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

}
