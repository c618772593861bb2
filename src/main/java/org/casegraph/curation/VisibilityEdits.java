package org.casegraph.curation;

import java.util.function.Function;

import org.casegraph.access.Caller;
import org.casegraph.access.Permission;
import org.casegraph.access.Visibility;
import org.casegraph.curation.CurationController.EntityPayload;
import org.casegraph.curation.CurationController.RelationshipPayload;
import org.casegraph.curation.CurationInputs.MarkRelationshipSensitiveInput;
import org.casegraph.curation.CurationInputs.MarkSensitiveInput;
import org.casegraph.curation.CurationInputs.RetractEntityInput;
import org.casegraph.curation.CurationInputs.RetractRelationshipInput;
import org.casegraph.graph.Graph;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Marking a record sensitive (or public again) and retracting it: the same change, with a
 * reason, for an entity or a relationship ({@link CurationTarget}).
 */
@Controller
class VisibilityEdits {

    private final Graph graph;

    VisibilityEdits(Graph graph) {
        this.graph = graph;
    }

    @MutationMapping
    EntityPayload markSensitive(@Argument MarkSensitiveInput input, Caller caller) {
        return change(CurationTarget::entity, input.id(), input.expectedVersion(), sensitivity(input.sensitive()),
                input.reason(), caller, "markSensitive");
    }

    @MutationMapping
    RelationshipPayload markRelationshipSensitive(@Argument MarkRelationshipSensitiveInput input, Caller caller) {
        return change(CurationTarget::relationship, input.id(), input.expectedVersion(), sensitivity(input.sensitive()),
                input.reason(), caller, "markRelationshipSensitive");
    }

    @MutationMapping
    EntityPayload retractEntity(@Argument RetractEntityInput input, Caller caller) {
        return change(CurationTarget::entity, input.id(), input.expectedVersion(), Visibility.RETRACTED, input.reason(),
                caller, "retractEntity");
    }

    @MutationMapping
    RelationshipPayload retractRelationship(@Argument RetractRelationshipInput input, Caller caller) {
        return change(CurationTarget::relationship, input.id(), input.expectedVersion(), Visibility.RETRACTED,
                input.reason(), caller, "retractRelationship");
    }

    /**
     * The target is resolved from its id only once the caller and the reason are checked,
     * as for every write.
     */
    private <P> P change(Function<String, CurationTarget<P>> target, String id, Integer expectedVersion,
            String visibility, String reason, Caller caller, String action) {
        caller.require(Permission.EDIT_GRAPH);
        CurationRepository.requireReason(reason);
        return this.graph.write((tx) -> CurationRepository.changeVisibility(tx, target.apply(id), expectedVersion,
                visibility, reason, caller.actor(), action));
    }

    private static String sensitivity(Boolean sensitive) {
        return Boolean.TRUE.equals(sensitive) ? Visibility.SENSITIVE : Visibility.PUBLIC;
    }

}
