package org.casegraph.entity;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/**
 * The properties a read returns of each entity, from the fields the client selected: a
 * neighbourhood drawn as {@code id name} then reads and sends those two, not every quote
 * the entity rests on. Every field of the entity records ({@link Entity}'s permitted
 * types) is a property of the same name, but {@code sources}, stored as {@code citeDocs}
 * and {@code citeQuotes}. A selected field that is not one of them is answered by a
 * mapping of its own that may need any property, so then the read returns the whole
 * entity ({@code null}).
 */
public final class SelectedProperties {

    private static final Map<String, List<String>> STORED = Arrays.stream(Entity.class.getPermittedSubclasses())
        .flatMap((type) -> Arrays.stream(type.getRecordComponents()))
        .map(RecordComponent::getName)
        .distinct()
        .collect(Collectors.toMap((field) -> field,
                (field) -> "sources".equals(field) ? List.of("citeDocs", "citeQuotes") : List.of(field)));

    private SelectedProperties() {
    }

    /**
     * The properties behind the entity fields selected at {@code path} (such as
     * {@code "nodes"}), or null for the whole entity.
     */
    public static Set<String> of(DataFetchingFieldSelectionSet selection, String path) {
        Set<String> properties = new TreeSet<>();
        for (SelectedField field : selection.getFields(path + "/*")) {
            if (field.getName().startsWith("__")) {
                continue;
            }
            List<String> stored = STORED.get(field.getName());
            if (stored == null) {
                return null;
            }
            properties.addAll(stored);
        }
        return properties;
    }

}
