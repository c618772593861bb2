package org.casegraph.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.access.SensitiveFields;
import org.casegraph.access.Visibility;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;

/**
 * Maps Neo4j nodes and relationships to the records the API serves, with no side effect:
 * the routes that read for a request note the read through {@link EntityReads}.
 */
public final class EntityMapper {

    private EntityMapper() {
    }

    public static Entity asEntity(Node node) {
        return asEntity(typeOf(node), node);
    }

    /**
     * Maps what {@link Visibility#entity} returns: a node, or a map without the values
     * the caller may not see.
     */
    public static Entity asEntity(Value value) {
        Value type = value.get("__type");
        return type.isNull() ? asEntity(value.asNode()) : asEntity(type.asString(), value);
    }

    private static Entity asEntity(String type, MapAccessor source) {
        MapAccessor node = withSensitiveValues(source);
        String id = text(node, "id");
        String name = text(node, "name");
        String summary = text(node, "summary");
        List<Citation> sources = citations(node);
        List<String> hidden = texts(node, SensitiveFields.NAMES);
        return switch (type) {
            case "Person" -> new Person(id, name, summary, sources, hidden, texts(node, "aliases"),
                    text(node, "nationality"), texts(node, "titles"), text(node, "party"));
            case "Victim" -> new Victim(id, name, summary, sources, hidden, whole(node, "count"),
                    text(node, "countQualifier"), text(node, "ageBand"), text(node, "sex"), text(node, "nationality"));
            case "Organization" -> new Organization(id, name, summary, sources, hidden, texts(node, "aliases"),
                    text(node, "kind"), text(node, "country"));
            case "Case" -> new Case(id, name, summary, sources, hidden, texts(node, "aliases"), text(node, "status"),
                    text(node, "jurisdiction"), texts(node, "charges"));
            case "Event" -> new Event(id, name, summary, sources, hidden, text(node, "kind"), text(node, "date"),
                    text(node, "endDate"), text(node, "dateQualifier"), text(node, "dateReasoning"),
                    whole(node, "ordinal"), number(node, "sentenceYears"), number(node, "sentenceYearsMax"),
                    number(node, "fineAmount"), text(node, "fineCurrency"), whole(node, "count"), text(node, "countOf"),
                    text(node, "countQualifier"));
            case "Document" -> new Document(id, name, summary, sources, hidden, texts(node, "aliases"),
                    text(node, "kind"), text(node, "title"), text(node, "publicationDate"), text(node, "dateQualifier"),
                    text(node, "dateReasoning"), text(node, "url"), text(node, "seedFile"));
            case "Place" -> new Place(id, name, summary, sources, hidden, texts(node, "aliases"), text(node, "kind"));
            case "Statistic" ->
                new Statistic(id, name, summary, sources, hidden, text(node, "metric"), number(node, "value"),
                        number(node, "valueMax"), text(node, "unit"), text(node, "qualifier"), text(node, "period"));
            case "Claim" -> new Claim(id, name, summary, sources, hidden, text(node, "statement"));
            default -> throw new IllegalStateException("node " + id + " has no entity type label");
        };
    }

    /**
     * Maps a relationship returned as {@code r {.*, type: type(r), from: ..., to: ...}}.
     */
    public static Relationship asRelationship(Value projected) {
        MapAccessor value = withSensitiveValues(projected);
        List<String> hidden = texts(value, SensitiveFields.NAMES);
        return new Relationship(text(value, "id"), text(value, "type"), text(value, "from"), text(value, "to"),
                text(value, "role"), text(value, "validFrom"), text(value, "validTo"), text(value, "dateQualifier"),
                text(value, "dateReasoning"), number(value, "amount"), text(value, "currency"), whole(value, "count"),
                text(value, "note"), text(value, "basis") == null ? "stated" : text(value, "basis"), citations(value),
                hidden);
    }

    /**
     * The source with the values of its sensitive fields in place, when the query
     * returned them (only to callers who may see them); otherwise the source itself.
     */
    private static MapAccessor withSensitiveValues(MapAccessor source) {
        Value hidden = source.get("sensitiveValues");
        if (hidden.isNull()) {
            return source;
        }
        Map<String, Object> merged = new HashMap<>(source.asMap());
        merged.putAll(SensitiveFields.decode(hidden.asString()));
        return Values.value(merged);
    }

    public static String typeOf(Node node) {
        for (String label : node.labels()) {
            if (!"Entity".equals(label)) {
                return label;
            }
        }
        return "Entity";
    }

    private static List<Citation> citations(MapAccessor source) {
        List<String> documents = texts(source, "citeDocs");
        List<String> quotes = texts(source, "citeQuotes");
        List<Citation> citations = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size() && i < quotes.size(); i++) {
            citations.add(new Citation(documents.get(i), quotes.get(i)));
        }
        return citations;
    }

    private static String text(MapAccessor source, String key) {
        Value value = source.get(key);
        return value.isNull() ? null : value.asString();
    }

    private static List<String> texts(MapAccessor source, String key) {
        Value value = source.get(key);
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }

    private static Double number(MapAccessor source, String key) {
        Value value = source.get(key);
        return value.isNull() ? null : value.asDouble();
    }

    private static Long whole(MapAccessor source, String key) {
        Value value = source.get(key);
        return value.isNull() ? null : value.asLong();
    }

}
