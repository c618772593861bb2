package org.casegraph.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.access.SensitiveFields;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Victim protection for groups (SPEC §4 and §8), one rule for every write path: no Victim
 * record states one person's age, and a Victim record that describes fewer than five
 * people (or an unknown number) carries nothing finer than country, year and age band: no
 * link to an event dated to the month or day, to a city, district, neighbourhood or
 * venue, or to a business or venue; no link valid from or to a month or day; no month or
 * day in its name or summary, no photo, and no first-person quote.
 * <p>
 * Every problem names the rule ({@value #NAME}) and the field, and never repeats the
 * offending text: it may be the very detail the rule keeps out of logs.
 */
public final class VictimGroupRule {

    public static final String NAME = "victim-group-detail";

    /** A group of fewer than this many people is small. */
    public static final int SMALL_BELOW = 5;

    private static final Set<String> PRECISE_PLACES = Set.of("city", "district", "neighborhood", "venue");

    private static final Set<String> VENUE_ORGANIZATIONS = Set.of("venue", "business");

    private static final String AGE = "(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";

    /** Not the lower end of a range such as 14-17 or 14 to 17. */
    private static final String NOT_A_RANGE = "(?![\\d\\w])(?!\\s*(?:-|–|—|to|and|or)\\s*\\d)";

    /** Not the upper end of a range either. */
    private static final String NOT_AFTER_A_RANGE = "(?<!(?:\\d[-–—]|\\d\\s[-–—]\\s|\\bto\\s|\\band\\s|\\bor\\s))";

    /**
     * One person's age: "youngest 14", "aged 14", "age of 14", "14-year-old", "14 years
     * old".
     */
    private static final Pattern ONE_AGE = Pattern.compile(
            "\\b(?:youngest|oldest)(?:\\s+(?:one|girl|boy|child|victim|was|is|being|aged?|of|at))*\\s*[,:]?\\s*" + AGE
                    + NOT_A_RANGE + "|\\bage[sd]?\\s+(?:of\\s+)?" + AGE + NOT_A_RANGE + "|" + NOT_AFTER_A_RANGE + "\\b"
                    + AGE + "(?:\\s*|-)years?(?:\\s*|-)old\\b|\\b" + AGE + "\\s*(?:y/o|yo)\\b",
            Pattern.CASE_INSENSITIVE);

    /** An age band that is one number: "14", "14 years", "aged 14". */
    private static final Pattern ONE_NUMBER = Pattern
        .compile("\\s*(?:aged?\\s*)?\\d{1,3}\\s*(?:years?(?:\\s*old)?|yrs?\\.?|y/?o)?\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * A month or a day: month and weekday names (capitalised, so "may" the verb passes),
     * ISO and d/m/y dates.
     */
    private static final Pattern MONTH_OR_DAY = Pattern.compile("\\b(?:January|February|March|April|May|June|July"
            + "|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday"
            + "|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b\\d{4}-(?:0[1-9]|1[0-2])\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");

    private static final Pattern PHOTO = Pattern.compile("\\b(?:photo(?:graph)?s?|pictured|portrait)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Words of a first-person account: "I" as a word (capital only), me, my, mine,
     * myself.
     */
    private static final Pattern FIRST_PERSON = Pattern.compile("\\bI\\b|(?i:\\b(?:me|my|mine|myself)\\b)");

    private VictimGroupRule() {
    }

    /** Why an entity is too precise a thing for a small group to be linked to. */
    public enum Detail {

        FINE_DATE("is dated to the month or day"), PRECISE_PLACE("is a city, district, neighbourhood or venue"),
        VENUE("is a venue or business");

        private final String description;

        Detail(String description) {
            this.description = description;
        }

        public String description() {
            return this.description;
        }

    }

    /** What the rule needs to know of an entity at one end of a relationship. */
    public record End(String id, String type, boolean smallGroup, Detail detail) {

        public static End of(String id, String type, Map<String, Object> properties) {
            return new End(id, type, "Victim".equals(type) && isSmallGroup(properties),
                    VictimGroupRule.detail(type, properties));
        }

    }

    /**
     * Where link problems go: the relationship field concerned, and for a quote its index
     * in the sources.
     */
    public interface LinkProblems {

        void add(String field, int quote, String message);

    }

    /**
     * Whether a Victim record describes fewer than five people: no count, a count under
     * five, or a count that is only an upper bound.
     */
    public static boolean isSmallGroup(Map<String, Object> victim) {
        if (!(victim.get("count") instanceof Number count)) {
            return true;
        }
        return count.longValue() < SMALL_BELOW || "at-most".equals(victim.get("countQualifier"));
    }

    /** What makes this entity too precise to link a small group to, or null. */
    public static Detail detail(String type, Map<String, Object> properties) {
        return switch (type == null ? "" : type) {
            case "Event" -> finerThanYear(properties.get("date")) || finerThanYear(properties.get("endDate"))
                    ? Detail.FINE_DATE : null;
            case "Place" -> properties.get("kind") instanceof String kind && PRECISE_PLACES.contains(kind)
                    ? Detail.PRECISE_PLACE : null;
            case "Organization" -> properties.get("kind") instanceof String kind && VENUE_ORGANIZATIONS.contains(kind)
                    ? Detail.VENUE : null;
            default -> null;
        };
    }

    /** Checks a Victim's own fields (in Neo4j form). */
    static void checkFields(Map<String, Object> victim, EntityValidator.Problems problems) {
        if (victim.get("ageBand") instanceof String band) {
            if (ONE_NUMBER.matcher(band).matches()) {
                problems.add("ageBand", problem("ageBand",
                        "is one age, not a band; give a band such as '14-17', " + "'under 18' or 'adult'"));
            }
            else if (ONE_AGE.matcher(band).find()) {
                problems.add("ageBand", problem("ageBand",
                        "states one person's age (such as the youngest's); " + "keep the band only, e.g. 'under 18'"));
            }
        }
        boolean small = isSmallGroup(victim);
        for (String field : List.of("name", "summary")) {
            if (!(victim.get(field) instanceof String text)) {
                continue;
            }
            if (ONE_AGE.matcher(text).find()) {
                problems.add(field, problem(field, "states one person's age (e.g. 'youngest 14', 'aged 14', "
                        + "'14-year-old'); give the group's age band instead"));
            }
            if (small && MONTH_OR_DAY.matcher(text).find()) {
                problems.add(field, problem(field, "gives a month or day, but a group of fewer than five (or of no "
                        + "stated count) is dated to the year at most"));
            }
            if (small && PHOTO.matcher(text).find()) {
                problems.add(field,
                        problem(field, "mentions a photo of a group of fewer than five (or of no stated " + "count)"));
            }
        }
    }

    /**
     * Checks the quotes a Victim record rests on; {@code problems} gets each offending
     * quote's index.
     */
    public static void checkQuotes(Map<String, Object> victim, List<String> quotes, LinkProblems problems) {
        if (!isSmallGroup(victim)) {
            return;
        }
        for (int i = 0; i < quotes.size(); i++) {
            if (quotes.get(i) != null && FIRST_PERSON.matcher(quotes.get(i)).find()) {
                problems.add("quote", i, problem("sources[" + i + "].quote", "is a first-person account (I, me, my), "
                        + "which a group of fewer than five (or of no stated count) may not carry; quote the source's "
                        + "own words about the group or drop it"));
            }
        }
    }

    /**
     * Checks one relationship, with its own properties and quotes, against the rule for
     * each of its ends.
     */
    public static void checkLink(String type, End from, End to, Map<String, Object> properties, List<String> quotes,
            LinkProblems problems) {
        for (End[] ends : List.of(new End[] { from, to }, new End[] { to, from })) {
            End victim = ends[0];
            End other = ends[1];
            if (!victim.smallGroup()) {
                continue;
            }
            String link = type + " " + from.id() + " -> " + to.id();
            String group = "'" + victim.id() + "', a group of fewer than five (or of no stated count)";
            if (other.detail() != null) {
                String field = other == to ? "to" : "from";
                problems.add(field, -1, problem(field, link + " links " + group + " to '" + other.id() + "', which "
                        + other.detail().description() + "; keep the fact at year and country level or drop it"));
            }
            for (String field : List.of("validFrom", "validTo")) {
                if (finerThanYear(properties.get(field))) {
                    problems.add(field, -1,
                            problem(field, link + " dates " + group + " to the month or day; give " + "the year only"));
                }
            }
            for (int i = 0; i < quotes.size(); i++) {
                if (quotes.get(i) != null && FIRST_PERSON.matcher(quotes.get(i)).find()) {
                    problems.add("quote", i, problem("sources[" + i + "].quote", link + " quotes a first-person "
                            + "account (I, me, my) about " + group + "; quote the source's own words or drop it"));
                }
            }
        }
    }

    /**
     * Checks, inside a write transaction, the Victim groups among {@code ids} and those
     * linked to them, with every relationship they have, as the graph now is: for writes
     * that change a victim, a link, or what a link leads to (an event's date, a place's
     * kind). Returns the problems; the caller refuses the write if any.
     */
    public static List<String> inGraph(TransactionContext tx, Collection<String> ids) {
        List<String> problems = new ArrayList<>();
        tx.run("""
                MATCH (n:Entity) WHERE n.id IN $ids
                OPTIONAL MATCH (n)--(adjacent:Victim)
                WITH collect(DISTINCT n) AS touched, collect(DISTINCT adjacent) AS adjacent
                UNWIND [t IN touched WHERE t:Victim] + adjacent AS v
                WITH DISTINCT v
                OPTIONAL MATCH (v)-[r]-(o:Entity)
                RETURN v.id AS id, properties(v) AS victim,
                  collect(CASE WHEN r IS NOT NULL THEN {type: type(r), outgoing: startNode(r) = v, props: properties(r),
                    otherId: o.id, otherType: [l IN labels(o) WHERE l <> 'Entity'][0], other: properties(o)} END) AS links
                """,
                Map.of("ids", List.copyOf(ids)))
            .forEachRemaining((record) -> {
                String id = record.get("id").asString();
                Map<String, Object> victim = SensitiveFields.reveal(record.get("victim").asMap());
                EntityValidator.Problems own = (field, message) -> problems.add(id + ": " + message);
                checkFields(victim, own);
                checkQuotes(victim, strings(victim.get("citeQuotes")),
                        (field, quote, message) -> problems.add(id + ": " + message));
                End self = End.of(id, "Victim", victim);
                for (Value link : record.get("links").values()) {
                    Map<String, Object> props = SensitiveFields.reveal(link.get("props").asMap());
                    End other = End.of(link.get("otherId").asString(), link.get("otherType").asString(null),
                            SensitiveFields.reveal(link.get("other").asMap()));
                    boolean outgoing = link.get("outgoing").asBoolean();
                    checkLink(link.get("type").asString(), outgoing ? self : other, outgoing ? other : self, props,
                            strings(props.get("citeQuotes")), (field, quote, message) -> problems.add(message));
                }
            });
        return problems.stream().distinct().toList();
    }

    private static boolean finerThanYear(Object date) {
        return date instanceof String text && text.contains("-");
    }

    private static String problem(String field, String message) {
        return NAME + ": " + field + ": " + message;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /**
     * The first match of the one-age patterns in {@code text}, for tests of the patterns.
     */
    static String oneAge(String text) {
        Matcher matcher = ONE_AGE.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

}
