package org.casegraph.ingest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.ingest.SeedData.Citation;
import org.casegraph.ingest.SeedData.EntityRecord;
import org.casegraph.ingest.SeedData.Origin;
import org.casegraph.ingest.SeedData.RelationshipRecord;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and validates the seed-data YAML files as a whole: ids are unique across files, references resolve,
 * and every problem is reported at once as {@code file:line: message}.
 */
public final class SeedDataReader {

    private static final Set<String> FILE_KEYS = Set.of("entities", "relationships");

    private static final Set<String> RELATIONSHIP_KEYS = Set.of("id", "type", "from", "to", "sources");

    private static final Set<String> CITATION_KEYS = Set.of("doc", "quote");

    private final EntityValidator validator;

    public SeedDataReader(EntityValidator validator) {
        this.validator = validator;
    }

    /** A file to read: its name, for messages, and its text. */
    public record SourceFile(String name, String text) {
    }

    private record Located(Object value, int line) {
    }

    private record RawRelationship(Map<String, Located> fields, Origin origin) {
    }

    private record RawCitation(String doc, String quote, Origin origin) {
    }

    public SeedData read(List<SourceFile> files) {
        List<String> problems = new ArrayList<>();
        List<EntityRecord> entities = new ArrayList<>();
        Map<String, EntityRecord> byId = new HashMap<>();
        List<RawRelationship> rawRelationships = new ArrayList<>();
        List<RawCitation> citationsToCheck = new ArrayList<>();
        for (SourceFile file : files) {
            MappingNode root = parse(file, problems);
            if (root == null) {
                continue;
            }
            Map<String, Located> top = mapping(file.name(), root, problems);
            top.forEach((key, value) -> {
                if (!FILE_KEYS.contains(key)) {
                    problems.add(file.name() + ":" + value.line() + ": unknown top-level key '" + key
                            + "'; a seed file has 'entities' and 'relationships'");
                }
            });
            for (Located item : list(file.name(), top.get("entities"), "entities", problems)) {
                EntityRecord entity = entity(file.name(), item, problems, citationsToCheck);
                if (entity == null || entity.id() == null) {
                    continue;
                }
                EntityRecord earlier = byId.putIfAbsent(entity.id(), entity);
                if (earlier != null) {
                    problems.add(entity.origin() + ": duplicate id '" + entity.id() + "', already defined at "
                            + earlier.origin());
                }
                else {
                    entities.add(entity);
                }
            }
            for (Located item : list(file.name(), top.get("relationships"), "relationships", problems)) {
                if (item.value() instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    Map<String, Located> fields = (Map<String, Located>) item.value();
                    rawRelationships.add(new RawRelationship(fields, new Origin(file.name(), item.line())));
                }
                else {
                    problems.add(file.name() + ":" + item.line() + ": a relationship must be a mapping");
                }
            }
        }
        for (RawCitation citation : citationsToCheck) {
            checkDocument(citation, byId, problems);
        }
        List<RelationshipRecord> relationships = new ArrayList<>();
        Set<String> relationshipIds = new HashSet<>();
        for (RawRelationship raw : rawRelationships) {
            RelationshipRecord relationship = relationship(raw, byId, problems);
            if (relationship == null) {
                continue;
            }
            if (!relationshipIds.add(relationship.id())) {
                problems.add(raw.origin() + ": duplicate relationship '" + relationship.id()
                        + "'; give one of them its own 'id:' if the same two entities are linked twice");
                continue;
            }
            relationships.add(relationship);
        }
        if (!problems.isEmpty()) {
            throw new SeedDataException(problems);
        }
        return new SeedData(List.copyOf(entities), List.copyOf(relationships));
    }

    private static MappingNode parse(SourceFile file, List<String> problems) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(file.text()));
            if (node == null) {
                return null;
            }
            if (node instanceof MappingNode mapping) {
                return mapping;
            }
            problems.add(file.name() + ":" + line(node) + ": a seed file is a mapping with 'entities' and 'relationships'");
        }
        catch (MarkedYAMLException ex) {
            problems.add(file.name() + ":" + (ex.getProblemMark().getLine() + 1) + ": not valid YAML: " + ex.getProblem());
        }
        catch (RuntimeException ex) {
            problems.add(file.name() + ":1: not valid YAML: " + ex.getMessage());
        }
        return null;
    }

    private EntityRecord entity(String file, Located item, List<String> problems, List<RawCitation> citationsToCheck) {
        if (!(item.value() instanceof Map<?, ?>)) {
            problems.add(file + ":" + item.line() + ": an entity must be a mapping");
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Located> fields = (Map<String, Located>) item.value();
        Origin origin = new Origin(file, item.line());
        Map<String, Object> plain = plain(fields);
        Map<String, Object> properties = this.validator.entityProperties(plain,
                (field, message) -> problems.add(file + ":" + lineOf(fields, field, item.line()) + ": " + message));
        List<Citation> citations = citations(file, fields.get("sources"), item.line(), problems, citationsToCheck);
        if (properties == null) {
            return null;
        }
        Object id = plain.get("id");
        return new EntityRecord(id instanceof String text ? text : null, (String) plain.get("type"), properties,
                citations, origin);
    }

    private RelationshipRecord relationship(RawRelationship raw, Map<String, EntityRecord> entities,
            List<String> problems) {
        Map<String, Located> fields = raw.fields();
        String file = raw.origin().file();
        int line = raw.origin().line();
        Map<String, Object> plain = plain(fields);
        EntityRecord from = reference(plain.get("from"), "from", fields, raw.origin(), entities, problems);
        EntityRecord to = reference(plain.get("to"), "to", fields, raw.origin(), entities, problems);
        Object type = plain.get("type");
        this.validator.relationshipType(type instanceof String text ? text : null, from == null ? null : from.type(),
                to == null ? null : to.type(),
                (field, message) -> problems.add(file + ":" + lineOf(fields, field, line) + ": " + message));
        Map<String, Object> own = new LinkedHashMap<>(plain);
        own.keySet().removeAll(RELATIONSHIP_KEYS);
        Map<String, Object> properties = this.validator.relationshipProperties(own,
                (field, message) -> problems.add(file + ":" + lineOf(fields, field, line) + ": " + message));
        List<RawCitation> citationsToCheck = new ArrayList<>();
        List<Citation> citations = citations(file, fields.get("sources"), line, problems, citationsToCheck);
        citationsToCheck.forEach((citation) -> checkDocument(citation, entities, problems));
        if (from == null || to == null || !(type instanceof String typeName)) {
            return null;
        }
        Object explicitId = plain.get("id");
        String id = explicitId instanceof String text && !text.isBlank() ? text
                : from.id() + "|" + typeName + "|" + to.id();
        return new RelationshipRecord(id, typeName, from.id(), to.id(), properties, citations, raw.origin());
    }

    private static EntityRecord reference(Object id, String field, Map<String, Located> fields, Origin origin,
            Map<String, EntityRecord> entities, List<String> problems) {
        int line = lineOf(fields, field, origin.line());
        if (!(id instanceof String text) || text.isBlank()) {
            problems.add(origin.file() + ":" + line + ": missing '" + field + "' (an entity id)");
            return null;
        }
        EntityRecord entity = entities.get(text);
        if (entity == null) {
            problems.add(origin.file() + ":" + line + ": '" + field + "' refers to unknown entity '" + text + "'");
        }
        return entity;
    }

    private static List<Citation> citations(String file, Located sources, int ownerLine, List<String> problems,
            List<RawCitation> citationsToCheck) {
        if (sources == null || !(sources.value() instanceof List<?> list) || list.isEmpty()) {
            problems.add(file + ":" + (sources == null ? ownerLine : sources.line())
                    + ": missing citation: every entity and relationship needs 'sources' with at least one {doc, quote}");
            return List.of();
        }
        List<Citation> citations = new ArrayList<>();
        for (Object element : list) {
            Located item = (Located) element;
            if (!(item.value() instanceof Map<?, ?>)) {
                problems.add(file + ":" + item.line() + ": a citation is a mapping with 'doc' and 'quote'");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Located> fields = (Map<String, Located>) item.value();
            fields.forEach((key, value) -> {
                if (!CITATION_KEYS.contains(key)) {
                    problems.add(file + ":" + value.line() + ": unknown citation field '" + key + "'; a citation has doc and quote");
                }
            });
            Object doc = plain(fields).get("doc");
            Object quote = plain(fields).get("quote");
            if (!(doc instanceof String docId) || docId.isBlank()) {
                problems.add(file + ":" + item.line() + ": citation without 'doc' (the id of the Document quoted)");
                continue;
            }
            if (!(quote instanceof String quoteText) || quoteText.isBlank()) {
                problems.add(file + ":" + item.line() + ": citation without 'quote' (verbatim text from " + docId + ")");
                continue;
            }
            String normalized = quoteText.strip().replaceAll("\\s+", " ");
            citations.add(new Citation(docId, normalized));
            citationsToCheck.add(new RawCitation(docId, normalized, new Origin(file, lineOf(fields, "doc", item.line()))));
        }
        return citations;
    }

    private static void checkDocument(RawCitation citation, Map<String, EntityRecord> entities, List<String> problems) {
        EntityRecord document = entities.get(citation.doc());
        if (document == null) {
            problems.add(citation.origin() + ": citation refers to unknown document '" + citation.doc() + "'");
        }
        else if (!"Document".equals(document.type())) {
            problems.add(citation.origin() + ": citation 'doc' must be a Document, but '" + citation.doc() + "' is a "
                    + document.type());
        }
    }

    private static List<Located> list(String file, Located located, String key, List<String> problems) {
        if (located == null || located.value() == null) {
            return List.of();
        }
        if (!(located.value() instanceof List<?> list)) {
            problems.add(file + ":" + located.line() + ": '" + key + "' must be a list");
            return List.of();
        }
        List<Located> items = new ArrayList<>();
        list.forEach((item) -> items.add((Located) item));
        return items;
    }

    private static int lineOf(Map<String, Located> fields, String field, int fallback) {
        Located located = field == null ? null : fields.get(field);
        return located == null ? fallback : located.line();
    }

    /** The plain Java values of a mapping, without line numbers. */
    private static Map<String, Object> plain(Map<String, Located> fields) {
        Map<String, Object> plain = new LinkedHashMap<>();
        fields.forEach((key, value) -> plain.put(key, unwrap(value.value())));
        return plain;
    }

    private static Object unwrap(Object value) {
        if (value instanceof Located located) {
            return unwrap(located.value());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SeedDataReader::unwrap).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((key, item) -> plain.put((String) key, unwrap(item)));
            return plain;
        }
        return value;
    }

    private static Map<String, Located> mapping(String file, MappingNode node, List<String> problems) {
        Map<String, Located> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(file + ":" + line(tuple.getKeyNode()) + ": keys must be plain words");
                continue;
            }
            Located value = located(file, tuple.getValueNode(), problems);
            if (fields.put(key.getValue(), new Located(value.value(), line(key))) != null) {
                problems.add(file + ":" + line(key) + ": duplicate key '" + key.getValue() + "'");
            }
        }
        return fields;
    }

    private static Located located(String file, Node node, List<String> problems) {
        if (node instanceof MappingNode mapping) {
            return new Located(mapping(file, mapping, problems), line(node));
        }
        if (node instanceof SequenceNode sequence) {
            List<Located> items = new ArrayList<>();
            sequence.getValue().forEach((item) -> items.add(located(file, item, problems)));
            return new Located(items, line(node));
        }
        ScalarNode scalar = (ScalarNode) node;
        return new Located(scalar(scalar), line(node));
    }

    private static Object scalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.INT.equals(tag)) {
                return Long.parseLong(text.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(text.replace("_", ""));
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text);
            }
        }
        catch (NumberFormatException ex) {
            return text;
        }
        return text;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

}
