package org.casegraph.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import graphql.GraphQLContext;

/**
 * What each role may see, enforced inside every read query (as a predicate on each node
 * it returns or passes through), never only in controllers: an entity marked
 * {@code sensitive} is seen from investigator up, one {@code retracted} only by editors
 * and admins, and everything else by everyone. Single fields of a visible entity or
 * relationship can be sensitive too: their values are kept apart in
 * {@code sensitiveValues} (never in a full-text index) and the queries return them only
 * to callers who may see sensitive entities.
 */
public final class Visibility {

    public static final String PUBLIC = "public";

    public static final String SENSITIVE = "sensitive";

    public static final String RETRACTED = "retracted";

    private Visibility() {
    }

    /**
     * The Cypher predicate for node variable {@code node}; the query takes the parameter
     * {@code $visible}.
     */
    public static String visible(String node) {
        return "coalesce(" + node + ".visibility, 'public') IN $visible";
    }

    /**
     * The Cypher predicate that every one of {@code items} (nodes or relationships a
     * query returns or passes through) is visible; the query takes {@code $visible}.
     */
    public static String visible(String... items) {
        return Arrays.stream(items).map(Visibility::visible).collect(Collectors.joining(" AND "));
    }

    /**
     * The Cypher predicate that {@code item} is public, whoever asks: for what a query
     * weighs the same for every caller (such as how many links an entity has), so that an
     * answer's order never rests on a hidden record.
     */
    public static String published(String item) {
        return "coalesce(" + item + ".visibility, 'public') = '" + PUBLIC + "'";
    }

    /**
     * The Cypher list of the ids of those {@code items} (nodes or relationships a query
     * passes through) that are sensitive. A query that walks sensitive records to decide
     * what to return reveals them without returning them; it returns this list so that
     * the read is audited ({@link SensitiveReads#walked}).
     */
    public static String sensitiveAmong(String... items) {
        return "[item IN [" + String.join(", ", items) + "] WHERE item.visibility = '" + SENSITIVE + "' | item.id]";
    }

    /**
     * Every visibility, from most to least visible: for the curation writes, whose
     * callers are editors.
     */
    public static final List<String> ALL = List.of(PUBLIC, SENSITIVE, RETRACTED);

    /**
     * The Cypher expression that returns entity node {@code node}, without the values of
     * its sensitive fields for a caller who may not see them (then as a map carrying its
     * type in {@code __type}); the query takes {@code $visible}. Entities with no
     * sensitive field come back as they are.
     */
    public static String entity(String node) {
        // In parentheses: Cypher does not parse a bare CASE as a map literal's value.
        return ("(CASE WHEN %1$s.sensitiveFields IS NULL OR 'sensitive' IN $visible THEN %1$s"
                + " ELSE %1$s {.*, sensitiveValues: null, sensitiveFields: null, %2$s} END)")
            .formatted(node, typeEntry(node));
    }

    /**
     * The same with only {@code properties} of the entity (all of them when null), as the
     * map the mapper reads: those, what the sensitive-read audit reads (its visibility,
     * and its sensitive fields and their values for callers who may see them) and its
     * type in {@code __type}. Reading fewer properties is what makes a large answer
     * cheap: a neighbourhood drawn as names need not send every quote.
     */
    public static String entity(String node, Collection<String> properties) {
        if (properties == null) {
            return entity(node);
        }
        Set<String> read = new TreeSet<>(properties);
        read.addAll(List.of("id", "visibility"));
        read.removeAll(List.of(SensitiveFields.NAMES, SensitiveFields.VALUES));
        String stored = read.stream().map((property) -> "." + property).collect(Collectors.joining(", "));
        return "%s {%s, %s, %s}".formatted(node, stored, sensitiveEntries(node), typeEntry(node));
    }

    /**
     * The same for relationship {@code r}, as the map the mapper reads: its properties,
     * type and end ids.
     */
    public static String relationship(String r) {
        return "%1$s {.*, type: type(%1$s), from: startNode(%1$s).id, to: endNode(%1$s).id, %2$s}".formatted(r,
                sensitiveEntries(r));
    }

    /**
     * The map entries of {@code item}'s sensitive fields and their values: for callers
     * who may see them, null for everyone else.
     */
    private static String sensitiveEntries(String item) {
        return ("sensitiveFields: CASE WHEN 'sensitive' IN $visible THEN %1$s.sensitiveFields END,"
                + " sensitiveValues: CASE WHEN 'sensitive' IN $visible THEN %1$s.sensitiveValues END")
            .formatted(item);
    }

    /** The map entry of entity node {@code node}'s type, its label other than Entity. */
    private static String typeEntry(String node) {
        return "__type: [l IN labels(%1$s) WHERE l <> 'Entity'][0]".formatted(node);
    }

    /**
     * The visibilities a role may see, by {@link Permission#SEE_SENSITIVE} and
     * {@link Permission#SEE_RETRACTED}.
     */
    public static List<String> visibleTo(Role role) {
        if (!Permission.SEE_SENSITIVE.grantedTo(role)) {
            return List.of(PUBLIC);
        }
        return Permission.SEE_RETRACTED.grantedTo(role) ? ALL : List.of(PUBLIC, SENSITIVE);
    }

    /** What the caller of the current request may see. */
    public static List<String> of(GraphQLContext context) {
        return visibleTo(Caller.of(context).role());
    }

}
