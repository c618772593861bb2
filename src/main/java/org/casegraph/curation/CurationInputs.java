package org.casegraph.curation;

import java.util.List;
import java.util.Map;

/**
 * The inputs of the curation mutations, named as in {@code schema/curation.graphqls}.
 */
final class CurationInputs {

    private CurationInputs() {
    }

    record CitationInput(String document, String quote) {
    }

    record CreateEntityInput(String id, String type, String name, String summary, Map<String, Object> fields,
            List<CitationInput> sources) {
    }

    record UpdateEntityInput(String id, Integer expectedVersion, String name, String summary,
            Map<String, Object> fields, List<CitationInput> sources) {
    }

    record MarkSensitiveInput(String id, Integer expectedVersion, Boolean sensitive, String reason) {
    }

    record RetractEntityInput(String id, Integer expectedVersion, String reason) {
    }

    record MarkRelationshipSensitiveInput(String id, Integer expectedVersion, Boolean sensitive, String reason) {
    }

    record RetractRelationshipInput(String id, Integer expectedVersion, String reason) {
    }

    record CreateRelationshipInput(String type, String from, String to, Map<String, Object> properties,
            List<CitationInput> sources) {
    }

}
