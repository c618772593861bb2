package org.casegraph.curation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.casegraph.access.Caller;
import org.casegraph.access.Permission;
import org.casegraph.access.SensitiveFields;
import org.casegraph.curation.CurationController.EntityPayload;
import org.casegraph.curation.CurationController.RelationshipPayload;
import org.casegraph.entity.EntityMapper;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Editors mark single fields of a visible entity or relationship sensitive (or publish
 * them again): readers below investigator keep seeing the record, without those fields.
 * Version-checked under the record's write lock and audited like every other write.
 */
@Controller
class FieldSensitivity {

    private final Graph graph;

    private final Vocabulary vocabulary;

    FieldSensitivity(Graph graph, Vocabulary vocabulary) {
        this.graph = graph;
        this.vocabulary = vocabulary;
    }

    record MarkFieldsSensitiveInput(String id, Integer expectedVersion, List<String> fields, Boolean sensitive,
            String reason) {
    }

    @MutationMapping
    EntityPayload markFieldsSensitive(@Argument MarkFieldsSensitiveInput input, Caller caller) {
        return mark(CurationTarget::entity, input, caller, "markFieldsSensitive");
    }

    @MutationMapping
    RelationshipPayload markRelationshipFieldsSensitive(@Argument MarkFieldsSensitiveInput input, Caller caller) {
        return mark(CurationTarget::relationship, input, caller, "markRelationshipFieldsSensitive");
    }

    /**
     * The same change for an entity or a relationship. The target is resolved from its id
     * only once the caller and the input are checked, as for every write.
     */
    private <P> P mark(Function<String, CurationTarget<P>> target, MarkFieldsSensitiveInput input, Caller caller,
            String action) {
        caller.require(Permission.EDIT_GRAPH);
        requireReasonAndFields(input);
        return this.graph.write((tx) -> {
            CurationTarget<P> marked = target.apply(input.id());
            Record locked = CurationRepository.lockAtVersion(tx, marked, input.expectedVersion());
            Map<String, Object> before = new LinkedHashMap<>(locked.get("props").asMap());
            Map<String, Object> after = changed(before, input, markable(marked, locked));
            return CurationRepository.write(tx, marked, after, caller.actor(), action, before,
                    withReason(after, input));
        });
    }

    /** The fields a record has, and those of them it must show. */
    private record Markable(Collection<String> known, Collection<String> required) {
    }

    /**
     * An entity's fields are those of its type; a relationship's are the same for every
     * type, and none is required.
     */
    private Markable markable(CurationTarget<?> target, Record locked) {
        if (!(target instanceof CurationTarget.OfEntity)) {
            return new Markable(this.vocabulary.relationshipFields().keySet(), List.of());
        }
        String type = EntityMapper.typeOf(locked.get("node").asNode());
        Map<String, Vocabulary.FieldSpec> fields = this.vocabulary.entityType(type).fields();
        Set<String> known = new HashSet<>(Vocabulary.COMMON_FIELDS);
        known.addAll(fields.keySet());
        List<String> required = fields.values()
            .stream()
            .filter(Vocabulary.FieldSpec::required)
            .map(Vocabulary.FieldSpec::name)
            .toList();
        return new Markable(known, required);
    }

    /**
     * The stored properties after the change, one version on; refuses fields that cannot
     * be sensitive.
     */
    private static Map<String, Object> changed(Map<String, Object> before, MarkFieldsSensitiveInput input,
            Markable markable) {
        List<String> problems = input.fields()
            .stream()
            .map((field) -> SensitiveFields.refusal(field, markable.known(), markable.required()))
            .filter(Objects::nonNull)
            .toList();
        if (!problems.isEmpty()) {
            throw CurationException.invalid(problems);
        }
        Set<String> sensitive = new TreeSet<>(SensitiveFields.names(before));
        if (Boolean.TRUE.equals(input.sensitive())) {
            sensitive.addAll(input.fields());
        }
        else {
            sensitive.removeAll(input.fields());
        }
        Map<String, Object> after = SensitiveFields.hide(before, sensitive);
        after.put("version", ((Number) before.get("version")).longValue() + 1);
        return after;
    }

    private static void requireReasonAndFields(MarkFieldsSensitiveInput input) {
        List<String> problems = new ArrayList<>();
        if (input.fields() == null || input.fields().isEmpty()) {
            problems.add("name at least one field in 'fields'");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add("a reason is required");
        }
        if (!problems.isEmpty()) {
            throw CurationException.invalid(problems);
        }
    }

    /**
     * What the audit keeps: the change and why (the reason is not stored on the record,
     * where readers could meet it).
     */
    private static Map<String, Object> withReason(Map<String, Object> after, MarkFieldsSensitiveInput input) {
        Map<String, Object> entry = new LinkedHashMap<>(after);
        entry.put("reason", input.reason().strip());
        return entry;
    }

}
