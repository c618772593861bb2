package org.casegraph.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.access.Caller;
import org.casegraph.access.Permission;
import org.casegraph.access.SensitiveFields;
import org.casegraph.curation.CurationInputs.CreateEntityInput;
import org.casegraph.curation.CurationInputs.CreateRelationshipInput;
import org.casegraph.curation.CurationInputs.UpdateEntityInput;
import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityReads;
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
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
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
    EntityPayload createEntity(@Argument CreateEntityInput input, Caller caller) {
        caller.require(Permission.EDIT_GRAPH);
        String actor = caller.actor();
        Map<String, Object> fields = new LinkedHashMap<>(input.fields() == null ? Map.of() : input.fields());
        fields.put("id", input.id());
        fields.put("type", input.type());
        fields.put("name", input.name());
        fields.put("summary", input.summary());
        List<String> problems = new ArrayList<>();
        Map<String, Object> properties = this.validator.entityProperties(fields, problem(problems));
        List<Citation> citations = CurationRepository.citations(input.sources(), problems);
        if ("Victim".equals(input.type()) && properties != null) {
            VictimGroupRule.checkQuotes(properties, citations.stream().map(Citation::quote).toList(),
                    (field, quote, message) -> problems.add(message));
        }
        if (!problems.isEmpty() || properties == null) {
            throw CurationException.invalid(problems);
        }
        Map<String, Object> props = GraphWriter
            .nodeProperties(new EntityRecord(input.id(), input.type(), properties, citations, new Origin("api", 0)));
        return this.graph.write((tx) -> {
            CurationRepository.requireDocuments(tx, citations);
            var node = CurationRepository.createEntity(tx, actor, "createEntity", input.id(), input.type(), props);
            return new EntityPayload(EntityReads.entity(node), 1);
        });
    }

    @MutationMapping
    EntityPayload updateEntity(@Argument UpdateEntityInput input, Caller caller) {
        caller.require(Permission.EDIT_GRAPH);
        String actor = caller.actor();
        return this.graph.write((tx) -> {
            var node = CurationRepository.lockEntityAtVersion(tx, input.id(), input.expectedVersion());
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
            List<Citation> citations = new ArrayList<>(CurationRepository.existingCitations(before));
            if (input.sources() != null) {
                citations.addAll(CurationRepository.citations(input.sources(), problems));
            }
            if (!problems.isEmpty() || properties == null) {
                throw CurationException.invalid(problems);
            }
            CurationRepository.requireDocuments(tx, citations);
            Map<String, Object> props = GraphWriter
                .nodeProperties(new EntityRecord(input.id(), type, properties, citations, new Origin("api", 0)));
            props.put("version", version + 1);
            if (before.get("visibility") != null) {
                props.put("visibility", before.get("visibility"));
                props.put("visibilityReason", before.get("visibilityReason"));
            }
            // A field marked sensitive stays so when its value changes.
            props = SensitiveFields.hide(props, SensitiveFields.names(before));
            EntityPayload payload = CurationRepository.write(tx, CurationTarget.entity(input.id()), props, actor,
                    "updateEntity", before, props);
            // A victim's new count, an event's new date or a place's new kind may break
            // the rule for its links.
            CurationRepository.requireVictimGroupRule(tx, List.of(input.id()));
            return payload;
        });
    }

    @MutationMapping
    RelationshipPayload createRelationship(@Argument CreateRelationshipInput input, Caller caller) {
        caller.require(Permission.EDIT_GRAPH);
        String actor = caller.actor();
        List<String> problems = new ArrayList<>();
        Map<String, Object> properties = this.validator
            .relationshipProperties(input.properties() == null ? Map.of() : input.properties(), problem(problems));
        List<Citation> citations = CurationRepository.citations(input.sources(), problems);
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
            CurationRepository.requireDocuments(tx, citations);
            var relationship = CurationRepository.link(tx, actor, "createRelationship", new RelationshipRecord(id,
                    input.type(), input.from(), input.to(), properties, citations, new Origin("api", 0)));
            CurationRepository.requireVictimGroupRule(tx, List.of(input.from(), input.to()));
            return new RelationshipPayload(EntityReads.relationship(relationship),
                    relationship.get("version").isNull() ? 1 : relationship.get("version").asInt());
        });
    }

    private static EntityValidator.Problems problem(List<String> problems) {
        return (field, message) -> problems.add(message);
    }

}
