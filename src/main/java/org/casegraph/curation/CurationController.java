package org.casegraph.curation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.casegraph.access.Role;
import org.casegraph.access.SensitiveFields;
import org.casegraph.access.Visibility;
import org.casegraph.curation.CurationInputs.CitationInput;
import org.casegraph.curation.CurationInputs.CreateEntityInput;
import org.casegraph.curation.CurationInputs.CreateRelationshipInput;
import org.casegraph.curation.CurationInputs.MarkSensitiveInput;
import org.casegraph.curation.CurationInputs.RetractEntityInput;
import org.casegraph.curation.CurationInputs.UpdateEntityInput;
import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityRepository;
import org.casegraph.entity.Relationship;
import org.casegraph.graph.EventOrder;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.EntityValidator;
import org.casegraph.record.GraphWriter;
import org.casegraph.record.Origin;
import org.casegraph.record.RelationshipRecord;
import org.casegraph.record.VictimGroupRule;
import org.neo4j.driver.TransactionContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editors keep the graph current. Every write is validated exactly like the seed data,
 * checked against the version the editor read, written with its audit entry in one
 * transaction, and refused to anyone below editor.
 */
@Controller
class CurationController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;

    private final EntityValidator validator;

    CurationController(Graph graph, Vocabulary vocabulary) {
        this.graph = graph;
        this.validator = new EntityValidator(vocabulary);
    }

    record EntityPayload(Entity entity, int version) {
    }

    record RelationshipPayload(Relationship relationship, int version) {
    }

    @MutationMapping
    EntityPayload createEntity(@Argument CreateEntityInput input,
            @ContextValue(name = Role.CONTEXT_KEY, required = false) Role role,
            @ContextValue(name = Role.ACTOR_KEY, required = false) String actor) {
        requireEditor(role);
        Map<String, Object> fields = new LinkedHashMap<>(input.fields() == null ? Map.of() : input.fields());
        fields.put("id", input.id());
        fields.put("type", input.type());
        fields.put("name", input.name());
        fields.put("summary", input.summary());
        List<String> problems = new ArrayList<>();
        Map<String, Object> properties = this.validator.entityProperties(fields, problem(problems));
        List<Citation> citations = citations(input.sources(), problems);
        if ("Victim".equals(input.type()) && properties != null) {
            VictimGroupRule.checkQuotes(properties, citations.stream().map(Citation::quote).toList(),
                    (field, quote, message) -> problems.add(message));
        }
        if (!problems.isEmpty() || properties == null) {
            throw CurationException.invalid(problems);
        }
        Map<String, Object> props = GraphWriter
            .nodeProperties(new EntityRecord(input.id(), input.type(), properties, citations, new Origin("api", 0)));
        props.put("version", 1L);
        return this.graph.write((tx) -> {
            requireDocuments(tx, citations);
            boolean exists = tx
                .run("MATCH (n:Entity {id: $id}) RETURN count(n) > 0 AS exists", Map.of("id", input.id()))
                .single()
                .get("exists")
                .asBoolean();
            if (exists) {
                throw new CurationException(CurationException.Kind.CONFLICT,
                        "an entity with id '" + input.id() + "' already exists");
            }
            var node = tx
                .run("CREATE (n:Entity) SET n = $props, n:$($type) RETURN n",
                        Map.of("props", props, "type", input.type()))
                .single()
                .get("n")
                .asNode();
            audit(tx, actor, "createEntity", input.id(), null, props);
            return new EntityPayload(EntityMapper.asEntity(node), 1);
        });
    }

    @MutationMapping
    EntityPayload updateEntity(@Argument UpdateEntityInput input,
            @ContextValue(name = Role.CONTEXT_KEY, required = false) Role role,
            @ContextValue(name = Role.ACTOR_KEY, required = false) String actor) {
        requireEditor(role);
        return this.graph.write((tx) -> {
            var node = lockAtVersion(tx, input.id(), input.expectedVersion());
            Map<String, Object> before = new LinkedHashMap<>(node.asMap());
            long version = node.get("version").asLong();
            String type = EntityMapper.typeOf(node);
            Map<String, Object> fields = SensitiveFields.reveal(before);
            List.of("citeDocs", "citeQuotes", "aliasText", "quoteText", EventOrder.SORT_KEY, "version", "visibility",
                    "visibilityReason")
                .forEach(fields::remove);
            fields.put("type", type);
            if (input.name() != null) {
                fields.put("name", input.name());
            }
            if (input.summary() != null) {
                fields.put("summary", input.summary());
            }
            if (input.fields() != null) {
                fields.putAll(input.fields());
            }
            fields.values().removeIf((value) -> value == null);
            List<String> problems = new ArrayList<>();
            Map<String, Object> properties = this.validator.entityProperties(fields, problem(problems));
            List<Citation> citations = new ArrayList<>(existingCitations(before));
            if (input.sources() != null) {
                citations.addAll(citations(input.sources(), problems));
            }
            if (!problems.isEmpty() || properties == null) {
                throw CurationException.invalid(problems);
            }
            requireDocuments(tx, citations);
            Map<String, Object> props = GraphWriter
                .nodeProperties(new EntityRecord(input.id(), type, properties, citations, new Origin("api", 0)));
            props.put("version", version + 1);
            if (before.get("visibility") != null) {
                props.put("visibility", before.get("visibility"));
                props.put("visibilityReason", before.get("visibilityReason"));
            }
            // A field marked sensitive stays so when its value changes.
            props = SensitiveFields.hide(props, SensitiveFields.names(before));
            EntityPayload payload = write(tx, input.id(), props, actor, "updateEntity", before, props);
            // A victim's new count, an event's new date or a place's new kind may break
            // the rule for its links.
            requireVictimGroupRule(tx, List.of(input.id()));
            return payload;
        });
    }

    @MutationMapping
    EntityPayload markSensitive(@Argument MarkSensitiveInput input,
            @ContextValue(name = Role.CONTEXT_KEY, required = false) Role role,
            @ContextValue(name = Role.ACTOR_KEY, required = false) String actor) {
        requireEditor(role);
        return changeVisibility(input.id(), input.expectedVersion(),
                Boolean.TRUE.equals(input.sensitive()) ? Visibility.SENSITIVE : Visibility.PUBLIC, input.reason(),
                actor, "markSensitive");
    }

    @MutationMapping
    EntityPayload retractEntity(@Argument RetractEntityInput input,
            @ContextValue(name = Role.CONTEXT_KEY, required = false) Role role,
            @ContextValue(name = Role.ACTOR_KEY, required = false) String actor) {
        requireEditor(role);
        return changeVisibility(input.id(), input.expectedVersion(), Visibility.RETRACTED, input.reason(), actor,
                "retractEntity");
    }

    private EntityPayload changeVisibility(String id, Integer expectedVersion, String visibility, String reason,
            String actor, String action) {
        requireReason(reason);
        return this.graph.write((tx) -> {
            Map<String, Object> before = lockAtVersion(tx, id, expectedVersion).asMap();
            Map<String, Object> after = withVisibility(before, visibility, reason);
            return write(tx, id, after, actor, action, before, after);
        });
    }

    /**
     * Writes an entity's new properties (with its next version) and their audit entry,
     * which records {@code audited}.
     */
    static EntityPayload write(TransactionContext tx, String id, Map<String, Object> props, String actor, String action,
            Map<String, Object> before, Map<String, Object> audited) {
        var updated = tx.run("MATCH (n:Entity {id: $id}) SET n = $props RETURN n", Map.of("id", id, "props", props))
            .single()
            .get("n")
            .asNode();
        audit(tx, actor, action, id, before, audited);
        return new EntityPayload(EntityMapper.asEntity(updated), ((Number) props.get("version")).intValue());
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw CurationException.invalid(List.of("a reason is required"));
        }
    }

    /**
     * An entity's or a relationship's properties with a new visibility, its reason, and
     * the next version.
     */
    static Map<String, Object> withVisibility(Map<String, Object> before, String visibility, String reason) {
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("visibility", visibility);
        after.put("visibilityReason", reason.strip());
        after.put("version", ((Number) before.get("version")).longValue() + 1);
        return after;
    }

    /**
     * Takes the entity's write lock, then checks the version the editor read: a
     * concurrent update waits for the lock and then sees the version ours left.
     */
    static org.neo4j.driver.types.Node lockAtVersion(TransactionContext tx, String id, Integer expectedVersion) {
        var node = lock(tx, id);
        long version = node.get("version").asLong();
        if (expectedVersion == null || version != expectedVersion) {
            throw new CurationException(CurationException.Kind.CONFLICT, "entity '" + id + "' is at version " + version
                    + ", not " + expectedVersion + ": someone changed it since you read it; read it again");
        }
        return node;
    }

    /**
     * Takes the entity's write lock (so concurrent writers queue behind this transaction)
     * and returns it.
     */
    static org.neo4j.driver.types.Node lock(TransactionContext tx, String id) {
        var found = tx
            .run("MATCH (n:Entity {id: $id}) SET n.version = coalesce(n.version, 1) RETURN n", Map.of("id", id))
            .list();
        if (found.isEmpty()) {
            throw new CurationException(CurationException.Kind.NOT_FOUND, "no entity has the id '" + id + "'");
        }
        return found.get(0).get("n").asNode();
    }

    @MutationMapping
    RelationshipPayload createRelationship(@Argument CreateRelationshipInput input,
            @ContextValue(name = Role.CONTEXT_KEY, required = false) Role role,
            @ContextValue(name = Role.ACTOR_KEY, required = false) String actor) {
        requireEditor(role);
        List<String> problems = new ArrayList<>();
        Map<String, Object> properties = this.validator
            .relationshipProperties(input.properties() == null ? Map.of() : input.properties(), problem(problems));
        List<Citation> citations = citations(input.sources(), problems);
        if (!problems.isEmpty()) {
            throw CurationException.invalid(problems);
        }
        String id = input.from() + "|" + input.type() + "|" + input.to();
        return this.graph.write((tx) -> {
            var ends = tx.run("""
                    OPTIONAL MATCH (a:Entity {id: $from}) OPTIONAL MATCH (b:Entity {id: $to})
                    RETURN a, b
                    """, Map.of("from", input.from(), "to", input.to())).single();
            if (ends.get("a").isNull() || ends.get("b").isNull()) {
                throw new CurationException(CurationException.Kind.NOT_FOUND,
                        "no entity has the id '" + (ends.get("a").isNull() ? input.from() : input.to()) + "'");
            }
            List<String> typeProblems = new ArrayList<>();
            this.validator.relationshipType(input.type(), EntityMapper.typeOf(ends.get("a").asNode()),
                    EntityMapper.typeOf(ends.get("b").asNode()), problem(typeProblems));
            if (!typeProblems.isEmpty()) {
                throw CurationException.invalid(typeProblems);
            }
            requireDocuments(tx, citations);
            Map<String, Object> props = GraphWriter.relationshipProperties(new RelationshipRecord(id, input.type(),
                    input.from(), input.to(), properties, citations, new Origin("api", 0)));
            // Creating a link that exists replaces its facts but keeps what editors
            // decided about it (hidden fields,
            // sensitive or retracted, its version).
            Map<String, Object> existing = tx
                .run("""
                        MATCH (:Entity {id: $from})-[r:$($type) {id: $id}]->(:Entity {id: $to}) RETURN properties(r) AS props
                        """,
                        Map.of("from", input.from(), "to", input.to(), "type", input.type(), "id", id))
                .list((r) -> r.get("props").asMap())
                .stream()
                .findFirst()
                .orElse(null);
            Map<String, Object> after = GraphWriter.keepingEditorialState(props, existing);
            after.putIfAbsent("version", 1L);
            var relationship = tx
                .run("""
                        MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
                        MERGE (a)-[r:$($type) {id: $id}]->(b)
                        SET r = $props
                        RETURN %s AS r
                        """.formatted(EntityRepository.RELATIONSHIP_PROJECTION), Map.of("from", input.from(), "to",
                        input.to(), "type", input.type(), "id", id, "props", after, "visible", Visibility.ALL))
                .single()
                .get("r");
            requireVictimGroupRule(tx, List.of(input.from(), input.to()));
            audit(tx, actor, "createRelationship", id, existing, after);
            return new RelationshipPayload(EntityMapper.asRelationship(relationship),
                    relationship.get("version").isNull() ? 1 : relationship.get("version").asInt());
        });
    }

    /**
     * Refuses the write, inside its transaction (so nothing of it stays), if it leaves a
     * victim group among or next to {@code ids} breaking {@link VictimGroupRule}.
     */
    static void requireVictimGroupRule(TransactionContext tx, Collection<String> ids) {
        List<String> problems = VictimGroupRule.inGraph(tx, ids);
        if (!problems.isEmpty()) {
            throw CurationException.invalid(problems);
        }
    }

    static void requireEditor(Role role) {
        if (role == null || !role.atLeast(Role.EDITOR)) {
            throw new CurationException(CurationException.Kind.FORBIDDEN,
                    "only editors may change the graph: send an editor's API key in the X-API-Key header");
        }
    }

    private static EntityValidator.Problems problem(List<String> problems) {
        return (field, message) -> problems.add(message);
    }

    private static List<Citation> citations(List<CitationInput> sources, List<String> problems) {
        List<Citation> citations = new ArrayList<>();
        if (sources == null || sources.isEmpty()) {
            problems.add("missing citation: every entity and relationship needs at least one source {document, quote}");
            return citations;
        }
        for (CitationInput source : sources) {
            if (source.quote() == null || source.quote().isBlank()) {
                problems.add("a citation of " + source.document() + " has no quote");
                continue;
            }
            citations.add(new Citation(source.document(), source.quote().strip().replaceAll("\\s+", " ")));
        }
        return citations;
    }

    static void requireDocuments(TransactionContext tx, List<Citation> citations) {
        List<String> ids = citations.stream().map(Citation::document).distinct().toList();
        List<String> documents = tx.run("MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id", Map.of("ids", ids))
            .list((r) -> r.get("id").asString());
        List<String> missing = ids.stream().filter((id) -> !documents.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw CurationException.invalid(List.of("citations must name existing Documents; unknown: " + missing));
        }
    }

    private static List<Citation> existingCitations(Map<String, Object> node) {
        List<?> documents = (List<?>) node.getOrDefault("citeDocs", List.of());
        List<?> quotes = (List<?>) node.getOrDefault("citeQuotes", List.of());
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < Math.min(documents.size(), quotes.size()); i++) {
            citations.add(new Citation((String) documents.get(i), (String) quotes.get(i)));
        }
        return citations;
    }

    /**
     * The audit entry is written in the same transaction as the change: no change without
     * its record.
     */
    static void audit(TransactionContext tx, String actor, String action, String target, Map<String, Object> before,
            Map<String, Object> after) {
        tx.run("""
                CREATE (:AuditEntry {at: datetime(), actor: $actor, action: $action, target: $target,
                                     before: $before, after: $after})
                """,
                Map.of("actor", Optional.ofNullable(actor).orElse("anonymous"), "action", action, "target", target,
                        "before", before == null ? "" : JSON.writeValueAsString(before), "after",
                        JSON.writeValueAsString(after)))
            .consume();
    }

    /** Turns refused writes into errors that say what to do. */
    @org.springframework.stereotype.Component
    static class Errors extends DataFetcherExceptionResolverAdapter {

        @Override
        protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
            if (!(ex instanceof CurationException refused)) {
                return null;
            }
            ErrorType type = switch (refused.kind()) {
                case FORBIDDEN -> ErrorType.FORBIDDEN;
                case NOT_FOUND -> ErrorType.NOT_FOUND;
                case INVALID, CONFLICT -> ErrorType.BAD_REQUEST;
            };
            return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(refused.getMessage())
                .extensions(Map.of("code", refused.kind().name()))
                .build();
        }

    }

}
