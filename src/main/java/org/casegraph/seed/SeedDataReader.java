package org.casegraph.seed;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.graph.Vocabulary;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.EntityValidator;
import org.casegraph.record.Origin;
import org.casegraph.record.RecordReader;
import org.casegraph.record.RelationshipRecord;
import org.casegraph.record.VictimGroupRule;
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
 * Reads and validates the seed-data YAML files as a whole: ids are unique across files,
 * references resolve, and every problem is reported at once as
 * {@code file:line: message}.
 */
public final class SeedDataReader {

    private static final Set<String> FILE_KEYS = Set.of("entities", "relationships");

    private final RecordReader records;

    public SeedDataReader(EntityValidator validator) {
        this.records = new RecordReader(validator);
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
        checkFormerIds(entities, byId, problems);
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

    /**
     * A former id (kept so that links to a renamed or merged entity still resolve)
     * belongs to one entity and is no entity's current id.
     */
    private static void checkFormerIds(List<EntityRecord> entities, Map<String, EntityRecord> byId,
            List<String> problems) {
        Map<String, EntityRecord> formerOwners = new HashMap<>();
        for (EntityRecord entity : entities) {
            if (!(entity.properties().get(Vocabulary.FORMER_IDS) instanceof List<?> formerIds)) {
                continue;
            }
            for (Object former : formerIds) {
                EntityRecord current = byId.get(String.valueOf(former));
                EntityRecord earlier = formerOwners.putIfAbsent(String.valueOf(former), entity);
                if (current != null) {
                    problems.add(entity.origin() + ": former id '" + former + "' is the id of the entity defined at "
                            + current.origin() + "; an id that is still in use cannot also be a former id");
                }
                else if (earlier != null) {
                    problems.add(entity.origin() + ": former id '" + former + "' is already a former id of '"
                            + earlier.id() + "' (" + earlier.origin() + ")");
                }
            }
        }
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
            problems
                .add(file.name() + ":" + line(node) + ": a seed file is a mapping with 'entities' and 'relationships'");
        }
        catch (MarkedYAMLException ex) {
            problems
                .add(file.name() + ":" + (ex.getProblemMark().getLine() + 1) + ": not valid YAML: " + ex.getProblem());
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
        return this.records.entity(plain(fields), new Origin(file, item.line()),
                (field, message) -> problems.add(file + ":" + lineOf(fields, field, item.line()) + ": " + message),
                citations(file, fields.get("sources"), item.line(), problems, citationsToCheck));
    }

    private RelationshipRecord relationship(RawRelationship raw, Map<String, EntityRecord> entities,
            List<String> problems) {
        Map<String, Located> fields = raw.fields();
        String file = raw.origin().file();
        int line = raw.origin().line();
        List<RawCitation> citationsToCheck = new ArrayList<>();
        RecordReader.Citations citations = citations(file, fields.get("sources"), line, problems, citationsToCheck);
        Map<String, Object> plain = plain(fields);
        RelationshipRecord relationship = this.records.relationship(plain, raw.origin(), (id) -> {
            EntityRecord entity = entities.get(id);
            return entity == null ? null : entity.type();
        }, (field, message) -> problems.add(file + ":" + lineOf(fields, field, line) + ": " + message), citations);
        citationsToCheck.forEach((citation) -> checkDocument(citation, entities, problems));
        if (relationship != null) {
            EntityRecord from = entities.get(relationship.from());
            EntityRecord to = entities.get(relationship.to());
            VictimGroupRule.checkLink(relationship.type(),
                    VictimGroupRule.End.of(from.id(), from.type(), from.properties()),
                    VictimGroupRule.End.of(to.id(), to.type(), to.properties()), relationship.properties(),
                    RecordReader.quotes(plain.get("sources")), (field, quote, message) -> {
                        if (quote >= 0) {
                            citations.problem(quote, field, message);
                        }
                        else {
                            problems.add(file + ":" + lineOf(fields, field, line) + ": " + message);
                        }
                    });
        }
        return relationship;
    }

    /**
     * Citation problems at the line of the citation, or of its field, in the YAML text.
     */
    private static RecordReader.Citations citations(String file, Located sources, int ownerLine, List<String> problems,
            List<RawCitation> citationsToCheck) {
        return new RecordReader.Citations() {

            @Override
            public void problem(int index, String field, String message) {
                problems.add(file + ":" + line(index, field) + ": " + message);
            }

            @Override
            public void cited(int index, Citation citation) {
                citationsToCheck
                    .add(new RawCitation(citation.document(), citation.quote(), new Origin(file, line(index, "doc"))));
            }

            private int line(int index, String field) {
                if (sources == null) {
                    return ownerLine;
                }
                if (index < 0 || !(sources.value() instanceof List<?> list)) {
                    return sources.line();
                }
                Located item = (Located) list.get(index);
                @SuppressWarnings("unchecked")
                Map<String, Located> fields = item.value() instanceof Map<?, ?> map ? (Map<String, Located>) map
                        : Map.of();
                return lineOf(fields, field, item.line());
            }

        };
    }

    private static void checkDocument(RawCitation citation, Map<String, EntityRecord> entities, List<String> problems) {
        EntityRecord document = entities.get(citation.doc());
        String problem = RecordReader.documentProblem(citation.doc(), document == null ? null : document.type());
        if (problem != null) {
            problems.add(citation.origin() + ": " + problem);
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
