package org.casegraph.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single fields of an entity or a relationship that only investigators and up may see,
 * such as an unpublished lead in a public person's summary. Their names are kept in
 * {@code sensitiveFields} and their values moved out of the ordinary properties into
 * {@code sensitiveValues} (one JSON text, in no full-text index), so that a query
 * returning a node cannot hand them to a reader by accident: {@link Visibility#entity}
 * and {@link Visibility#relationship} return them only to callers who may see sensitive
 * entities.
 */
public final class SensitiveFields {

    /** The names of the sensitive fields, as stored. */
    public static final String NAMES = "sensitiveFields";

    /** Their values, as stored. */
    public static final String VALUES = "sensitiveValues";

    /**
     * Fields that stay public: what identifies an entity or a link (its id, name and
     * names, sources) and what the queries order and filter by (dates, kinds, validity),
     * which hiding would quietly break.
     */
    private static final Set<String> ALWAYS_PUBLIC = Set.of("id", "type", "name", "aliases", "sources", "date",
            "endDate", "ordinal", "publicationDate", "kind", "validFrom", "validTo");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SensitiveFields() {
    }

    /**
     * Why this field cannot be sensitive, or null when it can; {@code known} are the
     * fields the type has and {@code required} those every record of it has (which
     * readers must always get).
     */
    public static String refusal(String field, Collection<String> known, Collection<String> required) {
        if (ALWAYS_PUBLIC.contains(field)) {
            return "field '" + field + "' identifies the record or orders the graph and cannot be sensitive;"
                    + " mark the whole record sensitive instead";
        }
        if (required.contains(field)) {
            return "field '" + field + "' is required of this type, so every reader gets it; mark the whole record"
                    + " sensitive instead";
        }
        if (!known.contains(field)) {
            return "unknown field '" + field + "'; fields of this record: " + new TreeSet<>(known);
        }
        return null;
    }

    /** The names of the sensitive fields of stored properties. */
    public static List<String> names(Map<String, Object> stored) {
        return stored.get(NAMES) instanceof List<?> names ? names.stream().map(String::valueOf).toList() : List.of();
    }

    /**
     * Stored properties with every sensitive value back in its field and the bookkeeping
     * removed.
     */
    public static Map<String, Object> reveal(Map<String, Object> stored) {
        Map<String, Object> properties = new LinkedHashMap<>(stored);
        properties.remove(NAMES);
        Object values = properties.remove(VALUES);
        if (values instanceof String json) {
            properties.putAll(decode(json));
        }
        return properties;
    }

    /**
     * Properties as they are stored when {@code fields} are sensitive: those fields'
     * values moved into {@link #VALUES}; a field without a value stays named, so that a
     * value given later is hidden too.
     */
    public static Map<String, Object> hide(Map<String, Object> properties, Collection<String> fields) {
        Map<String, Object> stored = reveal(properties);
        if (fields.isEmpty()) {
            return stored;
        }
        Map<String, Object> hidden = new TreeMap<>();
        for (String field : fields) {
            Object value = stored.remove(field);
            if (value != null) {
                hidden.put(field, value);
            }
        }
        stored.put(NAMES, new ArrayList<>(new TreeSet<>(fields)));
        if (!hidden.isEmpty()) {
            stored.put(VALUES, JSON.writeValueAsString(hidden));
        }
        return stored;
    }

    /** The values kept in {@link #VALUES}. */
    public static Map<String, Object> decode(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }

}
