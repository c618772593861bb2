package org.casegraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The model's vocabulary from {@code schema/vocabulary.yaml}: entity types with their
 * fields, and relationship types with the entity types they may link. Every write path
 * validates against it.
 */
public final class Vocabulary {

    /** The Neo4j label every entity carries besides its type. */
    public static final String ENTITY = "Entity";

    /** Fields every entity may have, whatever its type. */
    public static final Set<String> COMMON_FIELDS = Set.of("id", "type", "name", "summary", "sources", "formerIds");

    /** Ids an entity was known by before a rename or merge; they keep resolving to it. */
    public static final String FORMER_IDS = "formerIds";

    /** Properties a relationship may carry. */
    private final Map<String, EntityType> entityTypes;

    private final Map<String, RelationshipType> relationshipTypes;

    private final Map<String, FieldSpec> relationshipFields;

    private Vocabulary(Map<String, EntityType> entityTypes, Map<String, RelationshipType> relationshipTypes,
            Map<String, FieldSpec> relationshipFields) {
        this.entityTypes = entityTypes;
        this.relationshipTypes = relationshipTypes;
        this.relationshipFields = relationshipFields;
    }

    public enum FieldKind {

        STRING, TEXT, STRINGS, INT, NUMBER, DATE, ENUM;

        static FieldKind parse(String kind) {
            return valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        }

    }

    public record FieldSpec(String name, FieldKind kind, boolean required, List<String> values) {
    }

    public record EntityType(String name, Map<String, FieldSpec> fields) {

        /** The id prefix of this type, e.g. {@code person/}. */
        public String idPrefix() {
            return this.name.toLowerCase(java.util.Locale.ROOT) + "/";
        }

    }

    public record RelationshipType(String name, Set<String> from, Set<String> to, String description) {

        public boolean allows(String fromType, String toType) {
            return (this.from.contains(ENTITY) || this.from.contains(fromType))
                    && (this.to.contains(ENTITY) || this.to.contains(toType));
        }

    }

    public static Vocabulary load() {
        try (InputStream in = new ClassPathResource("schema/vocabulary.yaml").getInputStream()) {
            return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Vocabulary parse(Map<String, Object> yaml) {
        Map<String, EntityType> entityTypes = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) yaml.get("entityTypes")).forEach((type, definition) -> entityTypes.put(type,
                new EntityType(type, fields((Map<String, Map<String, Object>>) definition.get("fields")))));
        Map<String, RelationshipType> relationshipTypes = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) yaml.get("relationshipTypes")).forEach((type, definition) -> {
            if (!type.matches("[A-Z][A-Z_]*")) {
                throw new IllegalStateException("relationship type " + type + " is not UPPER_SNAKE_CASE");
            }
            relationshipTypes.put(type, new RelationshipType(type, Set.copyOf((List<String>) definition.get("from")),
                    Set.copyOf((List<String>) definition.get("to")), (String) definition.get("description")));
        });
        return new Vocabulary(Map.copyOf(entityTypes), Map.copyOf(relationshipTypes),
                fields((Map<String, Map<String, Object>>) yaml.get("relationshipFields")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, FieldSpec> fields(Map<String, Map<String, Object>> specs) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        (specs == null ? Map.<String, Map<String, Object>>of() : specs)
            .forEach((field, spec) -> fields.put(field, new FieldSpec(field, FieldKind.parse((String) spec.get("kind")),
                    Boolean.TRUE.equals(spec.get("required")),
                    ((List<Object>) spec.getOrDefault("values", List.of())).stream().map(String::valueOf).toList())));
        return java.util.Collections.unmodifiableMap(fields);
    }

    public EntityType entityType(String name) {
        return this.entityTypes.get(name);
    }

    public RelationshipType relationshipType(String name) {
        return this.relationshipTypes.get(name);
    }

    public Set<String> entityTypeNames() {
        return this.entityTypes.keySet();
    }

    public Set<String> relationshipTypeNames() {
        return this.relationshipTypes.keySet();
    }

    /**
     * The properties any relationship may carry ({@code relationshipFields} in the
     * vocabulary).
     */
    public Map<String, FieldSpec> relationshipFields() {
        return this.relationshipFields;
    }

}
