package org.casegraph.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.casegraph.graph.EventOrder;
import org.casegraph.graph.PartialDate;
import org.casegraph.graph.Vocabulary;
import org.casegraph.graph.Vocabulary.FieldSpec;

/**
 * The rules every entity and relationship must follow, whoever writes it: known types and
 * fields, valid values, citations present, and nothing that could identify a victim.
 */
public final class EntityValidator {

    private static final Pattern ID = Pattern.compile("[a-z]+/[a-z0-9]+(-[a-z0-9]+)*");

    /** Fields that would identify a victim, refused by name so the message says why. */
    static final Set<String> IDENTIFYING_FIELDS = Set.of("aliases", "alias", "pseudonym", "pseudonyms", "initials",
            "fullName", "firstName", "lastName", "surname", "givenName", "birthDate", "dateOfBirth", "dob",
            "birthPlace", "photo", "photos", "image", "picture", "address", "homeAddress", "phone", "email", "school",
            "parents", "family", "age", "exactAge");

    private final Vocabulary vocabulary;

    public EntityValidator(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A place to put problems; {@code field} may be null for the record as a whole. */
    public interface Problems {

        void add(String field, String message);

    }

    public Vocabulary vocabulary() {
        return this.vocabulary;
    }

    /**
     * Checks an entity's fields (everything but {@code sources}) and returns its
     * properties in Neo4j form, or {@code null} when the type is unknown.
     */
    public Map<String, Object> entityProperties(Map<String, Object> fields, Problems problems) {
        Object id = fields.get("id");
        Object type = fields.get("type");
        Object name = fields.get("name");
        if (!(type instanceof String typeName) || typeName.isBlank()) {
            problems.add("type", "missing entity type; one of " + sorted(this.vocabulary.entityTypeNames()));
            return null;
        }
        Vocabulary.EntityType entityType = this.vocabulary.entityType(typeName);
        if (entityType == null) {
            problems.add("type",
                    "unknown entity type '" + typeName + "'; one of " + sorted(this.vocabulary.entityTypeNames()));
            return null;
        }
        if (!(id instanceof String idText) || idText.isBlank()) {
            problems.add("id", "missing id");
        }
        else if (!ID.matcher(idText).matches() || !idText.startsWith(entityType.idPrefix())) {
            problems.add("id", "id '" + idText + "' must look like " + entityType.idPrefix()
                    + "lower-case-words (the type in lower case, a slash, letters, digits and hyphens)");
        }
        if (!(name instanceof String nameText) || nameText.isBlank()) {
            problems.add("name", "missing name");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        properties.put("name", name);
        Object summary = fields.get("summary");
        if (summary != null) {
            properties.put("summary", text("summary", summary, problems));
        }
        Object formerIds = fields.get(Vocabulary.FORMER_IDS);
        if (formerIds != null) {
            if (!(formerIds instanceof List<?> list) || !list.stream()
                .allMatch((item) -> item instanceof String former && ID.matcher(former).matches()
                        && !former.equals(id))) {
                problems.add(Vocabulary.FORMER_IDS, "'formerIds' must be a list of earlier ids such as "
                        + "event/old-name, none of them the entity's own id");
            }
            else {
                properties.put(Vocabulary.FORMER_IDS, List.copyOf(list));
            }
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String key = field.getKey();
            if (Vocabulary.COMMON_FIELDS.contains(key)) {
                continue;
            }
            FieldSpec spec = entityType.fields().get(key);
            if (spec == null) {
                if ("Victim".equals(typeName) && IDENTIFYING_FIELDS.contains(key)) {
                    problems.add(key, "identifying field '" + key
                            + "' is not allowed on a Victim: victims are recorded only by a non-identifying label, "
                            + "count, age band, sex and nationality");
                }
                else {
                    problems.add(key, "unknown field '" + key + "' for " + typeName + "; allowed: "
                            + sorted(entityType.fields().keySet()));
                }
                continue;
            }
            Object value = value(spec, field.getValue(), problems);
            if (value != null) {
                properties.put(key, value);
            }
        }
        for (FieldSpec spec : entityType.fields().values()) {
            if (spec.required() && fields.get(spec.name()) == null) {
                problems.add(null, "missing required field '" + spec.name() + "' for " + typeName);
            }
        }
        if (properties.get("ordinal") instanceof Long ordinal && !EventOrder.isValidOrdinal(ordinal)) {
            problems.add("ordinal", "'ordinal' must be between " + EventOrder.MIN_ORDINAL + " and "
                    + EventOrder.MAX_ORDINAL + ", not " + ordinal);
        }
        requireDateReasoning(properties, problems);
        if ("Victim".equals(typeName)) {
            VictimGroupRule.checkFields(properties, problems);
        }
        return properties;
    }

    /**
     * Checks a relationship's own properties (everything but type, from, to, id and
     * sources).
     */
    public Map<String, Object> relationshipProperties(Map<String, Object> fields, Problems problems) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            FieldSpec spec = this.vocabulary.relationshipFields().get(field.getKey());
            if (spec == null) {
                problems.add(field.getKey(), "unknown relationship property '" + field.getKey() + "'; allowed: "
                        + sorted(this.vocabulary.relationshipFields().keySet()));
                continue;
            }
            Object value = value(spec, field.getValue(), problems);
            if (value != null) {
                properties.put(field.getKey(), value);
            }
        }
        requireDateReasoning(properties, problems);
        if ("inferred".equals(properties.get("basis")) && properties.get("note") == null) {
            problems.add("basis", "an inferred relationship needs a note saying how it was worked out");
        }
        return properties;
    }

    /**
     * An approximate date (the source says "about") and an inferred one (worked out from
     * the source, e.g. "late last month" against the document's date) both say how in
     * {@code dateReasoning}.
     */
    private static void requireDateReasoning(Map<String, Object> properties, Problems problems) {
        Object qualifier = properties.get("dateQualifier");
        Object reasoning = properties.get("dateReasoning");
        if (("inferred".equals(qualifier) || "approximate".equals(qualifier))
                && (!(reasoning instanceof String text) || text.isBlank())) {
            problems.add("dateQualifier",
                    "an " + qualifier + " date needs a dateReasoning saying how it was worked out");
        }
    }

    /** Checks the relationship type and that it may link entities of these types. */
    public void relationshipType(String type, String fromType, String toType, Problems problems) {
        if (type == null || type.isBlank()) {
            problems.add("type",
                    "missing relationship type; one of " + sorted(this.vocabulary.relationshipTypeNames()));
            return;
        }
        Vocabulary.RelationshipType relationshipType = this.vocabulary.relationshipType(type);
        if (relationshipType == null) {
            problems.add("type", "unknown relationship type '" + type + "'; one of "
                    + sorted(this.vocabulary.relationshipTypeNames()));
            return;
        }
        if (fromType != null && toType != null && !relationshipType.allows(fromType, toType)) {
            problems.add("type", type + " cannot link a " + fromType + " to a " + toType + "; it links "
                    + sorted(relationshipType.from()) + " to " + sorted(relationshipType.to()));
        }
    }

    private static Object value(FieldSpec spec, Object raw, Problems problems) {
        if (raw == null) {
            return null;
        }
        String field = spec.name();
        return switch (spec.kind()) {
            case STRING, TEXT -> text(field, raw, problems);
            case STRINGS -> {
                if (!(raw instanceof List<?> list) || !list.stream().allMatch((item) -> item instanceof String)) {
                    problems.add(field, "'" + field + "' must be a list of strings");
                    yield null;
                }
                yield List.copyOf(list);
            }
            case INT -> {
                if (!(raw instanceof Long) && !(raw instanceof Integer)) {
                    problems.add(field, "'" + field + "' must be a whole number, not '" + raw + "'");
                    yield null;
                }
                yield ((Number) raw).longValue();
            }
            case NUMBER -> {
                if (!(raw instanceof Number number)) {
                    problems.add(field, "'" + field + "' must be a number, not '" + raw + "'");
                    yield null;
                }
                yield number.doubleValue();
            }
            case DATE -> {
                String date = String.valueOf(raw);
                if (!PartialDate.isValid(date)) {
                    problems.add(field,
                            "'" + field + "' is not a PartialDate (2011, 2011-12 or 2011-12-15): '" + raw + "'");
                    yield null;
                }
                yield date;
            }
            case ENUM -> {
                String value = String.valueOf(raw);
                if (!spec.values().contains(value)) {
                    problems.add(field, "'" + field + "' must be one of " + spec.values() + ", not '" + raw + "'");
                    yield null;
                }
                yield value;
            }
        };
    }

    private static String text(String field, Object raw, Problems problems) {
        if (!(raw instanceof String text)) {
            problems.add(field, "'" + field + "' must be text, not '" + raw + "'");
            return null;
        }
        return text;
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list;
    }

}
