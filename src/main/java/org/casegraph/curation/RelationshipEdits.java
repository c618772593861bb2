package org.casegraph.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.access.Caller;
import org.casegraph.access.Permission;
import org.casegraph.access.SensitiveFields;
import org.casegraph.curation.CurationController.RelationshipPayload;
import org.casegraph.curation.CurationInputs.CitationInput;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.record.EntityValidator;
import org.springframework.graphql.data.method.annotation.Argument;
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

    /** Properties an editor does not set directly. */
    private static final List<String> MANAGED = List.of("id", "citeDocs", "citeQuotes", "version", "visibility",
            "visibilityReason");

    @MutationMapping
    RelationshipPayload updateRelationship(@Argument UpdateRelationshipInput input, Caller caller) {
        caller.require(Permission.EDIT_GRAPH);
        String actor = caller.actor();
        return this.graph.write((tx) -> {
            var target = CurationTarget.relationship(input.id());
            Map<String, Object> before = CurationRepository.lockPropertiesAtVersion(tx, target,
                    input.expectedVersion());
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
                CurationRepository.requireDocuments(tx,
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
            Map<String, Object> written = SensitiveFields.hide(after, SensitiveFields.names(before));
            RelationshipPayload payload = CurationRepository.write(tx, target, written, actor, "updateRelationship",
                    before, written);
            CurationRepository.requireVictimGroupRule(tx, List.of(target.from(), target.to()));
            return payload;
        });
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

}
