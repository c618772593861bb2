package org.casegraph.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.access.Role;
import org.casegraph.access.SensitiveFields;
import org.casegraph.access.Visibility;
import org.casegraph.curation.CurationController.RelationshipPayload;
import org.casegraph.curation.CurationInputs.CitationInput;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityRepository;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.record.EntityValidator;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Editors change relationships as they change entities: validated, version-checked under
 * a write lock, audited, and withdrawn rather than deleted.
 */
@Controller
class RelationshipEdits {

    private final Graph graph;

    private final EntityValidator validator;

    RelationshipEdits(Graph graph, Vocabulary vocabulary) {
        this.graph = graph;
        this.validator = new EntityValidator(vocabulary);
    }

    record UpdateRelationshipInput(String id, Integer expectedVersion, Map<String, Object> properties,
            List<CitationInput> sources) {
    }

    record MarkRelationshipSensitiveInput(String id, Integer expectedVersion, Boolean sensitive, String reason) {
    }

    record RetractRelationshipInput(String id, Integer expectedVersion, String reason) {
    }

    /** Properties an editor does not set directly. */
    private static final List<String> MANAGED = List.of("id", "citeDocs", "citeQuotes", "version", "visibility",
            "visibilityReason");

    @MutationMapping
    RelationshipPayload updateRelationship(@Argument UpdateRelationshipInput input,
            @ContextValue(name = Role.CONTEXT_KEY, required = false) Role role,
            @ContextValue(name = Role.ACTOR_KEY, required = false) String actor) {
        CurationController.requireEditor(role);
        return this.graph.write((tx) -> {
            Map<String, Object> before = lockAtVersion(tx, input.id(), input.expectedVersion());
            Map<String, Object> own = SensitiveFields.reveal(before);
            MANAGED.forEach(own::remove);
            if (input.properties() != null) {
                own.putAll(input.properties());
            }
            own.values().removeIf((value) -> value == null);
            List<String> problems = new ArrayList<>();
            Map<String, Object> properties = this.validator.relationshipProperties(own,
                    (field, message) -> problems.add(message));
            List<String> documents = new ArrayList<>(strings(before.get("citeDocs")));
            List<String> quotes = new ArrayList<>(strings(before.get("citeQuotes")));
            if (input.sources() != null) {
                for (CitationInput source : input.sources()) {
                    if (source.quote() == null || source.quote().isBlank()) {
                        problems.add("a citation of " + source.document() + " has no quote");
                        continue;
                    }
                    documents.add(source.document());
                    quotes.add(source.quote().strip().replaceAll("\\s+", " "));
                }
                CurationController.requireDocuments(tx,
                        documents.stream().map((document) -> new org.casegraph.record.Citation(document, "")).toList());
            }
            if (!problems.isEmpty()) {
                throw CurationException.invalid(problems);
            }
            Map<String, Object> after = new LinkedHashMap<>(properties);
            MANAGED.stream()
                .filter((key) -> !key.equals("citeDocs") && !key.equals("citeQuotes") && before.get(key) != null)
                .forEach((key) -> after.put(key, before.get(key)));
            after.put("citeDocs", documents);
            after.put("citeQuotes", quotes);
            after.put("version", ((Number) before.get("version")).longValue() + 1);
            // A field marked sensitive stays so when its value changes.
            RelationshipPayload payload = write(tx, input.id(),
                    SensitiveFields.hide(after, SensitiveFields.names(before)), actor, "updateRelationship", before);
            String[] ends = ends(input.id());
            CurationController.requireVictimGroupRule(tx, List.of(ends[0], ends[2]));
            return payload;
        });
    }

    @MutationMapping
    RelationshipPayload markRelationshipSensitive(@Argument MarkRelationshipSensitiveInput input,
            @ContextValue(name = Role.CONTEXT_KEY, required = false) Role role,
            @ContextValue(name = Role.ACTOR_KEY, required = false) String actor) {
        CurationController.requireEditor(role);
        return changeVisibility(input.id(), input.expectedVersion(),
                Boolean.TRUE.equals(input.sensitive()) ? Visibility.SENSITIVE : Visibility.PUBLIC, input.reason(),
                actor, "markRelationshipSensitive");
    }

    @MutationMapping
    RelationshipPayload retractRelationship(@Argument RetractRelationshipInput input,
            @ContextValue(name = Role.CONTEXT_KEY, required = false) Role role,
            @ContextValue(name = Role.ACTOR_KEY, required = false) String actor) {
        CurationController.requireEditor(role);
        return changeVisibility(input.id(), input.expectedVersion(), Visibility.RETRACTED, input.reason(), actor,
                "retractRelationship");
    }

    private RelationshipPayload changeVisibility(String id, Integer expectedVersion, String visibility, String reason,
            String actor, String action) {
        CurationController.requireReason(reason);
        return this.graph.write((tx) -> {
            Map<String, Object> before = lockAtVersion(tx, id, expectedVersion);
            return write(tx, id, CurationController.withVisibility(before, visibility, reason), actor, action, before);
        });
    }

    static RelationshipPayload write(TransactionContext tx, String id, Map<String, Object> props, String actor,
            String action, Map<String, Object> before) {
        return write(tx, id, props, actor, action, before, props);
    }

    /**
     * Writes the relationship's properties; the audit records {@code audited} as what it
     * became.
     */
    static RelationshipPayload write(TransactionContext tx, String id, Map<String, Object> props, String actor,
            String action, Map<String, Object> before, Map<String, Object> audited) {
        String[] ends = ends(id);
        Value relationship = tx
            .run("""
                    MATCH (:Entity {id: $from})-[r {id: $id}]->(:Entity {id: $to})
                    SET r = $props
                    RETURN %s AS r
                    """.formatted(EntityRepository.RELATIONSHIP_PROJECTION),
                    Map.of("from", ends[0], "to", ends[2], "id", id, "props", props, "visible", Visibility.ALL))
            .single()
            .get("r");
        CurationController.audit(tx, actor, action, id, before, audited);
        return new RelationshipPayload(EntityMapper.asRelationship(relationship),
                ((Number) props.get("version")).intValue());
    }

    /**
     * Takes the relationship's write lock, then checks the version the editor read;
     * returns its properties.
     */
    static Map<String, Object> lockAtVersion(TransactionContext tx, String id, Integer expectedVersion) {
        String[] ends = ends(id);
        var found = tx.run("""
                MATCH (:Entity {id: $from})-[r {id: $id}]->(:Entity {id: $to})
                SET r.version = coalesce(r.version, 1)
                RETURN properties(r) AS props
                """, Map.of("from", ends[0], "to", ends[2], "id", id)).list();
        if (found.isEmpty()) {
            throw new CurationException(CurationException.Kind.NOT_FOUND, "no relationship has the id '" + id + "'");
        }
        Map<String, Object> props = new LinkedHashMap<>(found.get(0).get("props").asMap());
        long version = ((Number) props.get("version")).longValue();
        if (expectedVersion == null || version != expectedVersion) {
            throw new CurationException(CurationException.Kind.CONFLICT, "relationship '" + id + "' is at version "
                    + version + ", not " + expectedVersion + ": someone changed it since you read it; read it again");
        }
        return props;
    }

    /**
     * A relationship id reads from|TYPE|to; its ends let the lookup use the entity index.
     */
    static String[] ends(String id) {
        String[] parts = id == null ? new String[0] : id.split("\\|");
        if (parts.length != 3) {
            throw new CurationException(CurationException.Kind.NOT_FOUND,
                    "no relationship has the id '" + id + "' (relationship ids read from|TYPE|to)");
        }
        return parts;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

}
