package org.casegraph.record;

import java.util.List;
import java.util.Map;

/**
 * A relationship as every write path takes it in, validated, with its properties in Neo4j
 * form.
 */
public record RelationshipRecord(String id, String type, String from, String to, Map<String, Object> properties,
        List<Citation> citations, Origin origin) {
}
