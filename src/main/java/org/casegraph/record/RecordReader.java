package org.casegraph.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one entity or relationship, as a plain mapping of the seed-data format (from YAML
 * or from JSON), into a record ready to write, reporting every problem by field. The seed
 * loader and the bulk import share it, so a record is accepted by one exactly when the
 * other accepts it.
 */
public final class RecordReader {

    private static final Set<String> RELATIONSHIP_KEYS = Set.of("id", "type", "from", "to", "sources");

    private static final Set<String> CITATION_KEYS = Set.of("doc", "quote");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final EntityValidator validator;

    public RecordReader(EntityValidator validator) {
        this.validator = validator;
    }

    public EntityValidator validator() {
        return this.validator;
    }

    /**
     * Where citation problems go, and the citations found valid so far, by their index in
     * {@code sources}.
     */
    public interface Citations {

        /**
         * A problem with citation {@code index} ({@code -1}: with {@code sources} as a
         * whole) or its {@code field}.
         */
        void problem(int index, String field, String message);

        /**
         * A well-formed citation, whose document the caller checks once it knows every
         * document.
         */
        default void cited(int index, Citation citation) {
        }

    }

    /** The entity in Neo4j form, or {@code null} when its type is unknown. */
    public EntityRecord entity(Map<String, Object> fields, Origin origin, EntityValidator.Problems problems,
            Citations citationProblems) {
        Map<String, Object> properties = this.validator.entityProperties(fields, problems);
        List<Citation> citations = citations(fields.get("sources"), citationProblems);
        if (properties == null) {
            return null;
        }
        if ("Victim".equals(fields.get("type"))) {
            VictimGroupRule.checkQuotes(properties, quotes(fields.get("sources")),
                    (field, index, message) -> citationProblems.problem(index, field, message));
        }
        Object id = fields.get("id");
        return new EntityRecord(id instanceof String text ? text : null, (String) fields.get("type"), properties,
                citations, origin);
    }

    /**
     * The relationship, or {@code null} when its endpoints or type are missing.
     * {@code typeOf} gives the entity type of an id, {@code null} for an unknown one.
     */
    public RelationshipRecord relationship(Map<String, Object> fields, Origin origin, Function<String, String> typeOf,
            EntityValidator.Problems problems, Citations citationProblems) {
        String from = reference(fields.get("from"), "from", typeOf, problems);
        String to = reference(fields.get("to"), "to", typeOf, problems);
        Object type = fields.get("type");
        this.validator.relationshipType(type instanceof String text ? text : null,
                from == null ? null : typeOf.apply(from), to == null ? null : typeOf.apply(to), problems);
        Map<String, Object> own = new LinkedHashMap<>(fields);
        own.keySet().removeAll(RELATIONSHIP_KEYS);
        Map<String, Object> properties = this.validator.relationshipProperties(own, problems);
        List<Citation> citations = citations(fields.get("sources"), citationProblems);
        if (from == null || to == null || !(type instanceof String typeName)) {
            return null;
        }
        return new RelationshipRecord(relationshipId(fields, from, typeName, to), typeName, from, to, properties,
                citations, origin);
    }

    /**
     * The quotes of {@code sources} by their index there, null where an item has none.
     */
    public static List<String> quotes(Object sources) {
        if (!(sources instanceof List<?> list)) {
            return List.of();
        }
        List<String> quotes = new ArrayList<>();
        for (Object item : list) {
            quotes.add(
                    item instanceof Map<?, ?> citation && citation.get("quote") instanceof String quote ? quote : null);
        }
        return quotes;
    }

    /** A relationship's own {@code id}, or {@code <from>|<TYPE>|<to>}. */
    public static String relationshipId(Map<String, Object> fields, String from, String type, String to) {
        Object explicitId = fields.get("id");
        return explicitId instanceof String text && !text.isBlank() ? text : from + "|" + type + "|" + to;
    }

    /**
     * What is wrong with citing {@code doc}, whose entity type is {@code type};
     * {@code null} if nothing.
     */
    public static String documentProblem(String doc, String type) {
        if (type == null) {
            return "citation refers to unknown document '" + doc + "'";
        }
        if (!"Document".equals(type)) {
            return "citation 'doc' must be a Document, but '" + doc + "' is a " + type;
        }
        return null;
    }

    private static String reference(Object id, String field, Function<String, String> typeOf,
            EntityValidator.Problems problems) {
        if (!(id instanceof String text) || text.isBlank()) {
            problems.add(field, "missing '" + field + "' (an entity id)");
            return null;
        }
        if (typeOf.apply(text) == null) {
            problems.add(field, "'" + field + "' refers to unknown entity '" + text + "'");
            return null;
        }
        return text;
    }

    private static List<Citation> citations(Object sources, Citations problems) {
        if (!(sources instanceof List<?> list) || list.isEmpty()) {
            problems.problem(-1, null,
                    "missing citation: every entity and relationship needs 'sources' with at least one {doc, quote}");
            return List.of();
        }
        List<Citation> citations = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            if (!(list.get(index) instanceof Map<?, ?> fields)) {
                problems.problem(index, null, "a citation is a mapping with 'doc' and 'quote'");
                continue;
            }
            for (Object key : fields.keySet()) {
                if (!CITATION_KEYS.contains(key)) {
                    problems.problem(index, String.valueOf(key),
                            "unknown citation field '" + key + "'; a citation has doc and quote");
                }
            }
            if (!(fields.get("doc") instanceof String docId) || docId.isBlank()) {
                problems.problem(index, null, "citation without 'doc' (the id of the Document quoted)");
                continue;
            }
            if (!(fields.get("quote") instanceof String quoteText) || quoteText.isBlank()) {
                problems.problem(index, null, "citation without 'quote' (verbatim text from " + docId + ")");
                continue;
            }
            Citation citation = new Citation(docId, WHITE_SPACE.matcher(quoteText.strip()).replaceAll(" "));
            citations.add(citation);
            problems.cited(index, citation);
        }
        return citations;
    }

}
