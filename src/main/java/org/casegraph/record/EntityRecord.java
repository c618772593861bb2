package org.casegraph.record;

import java.util.List;
import java.util.Map;

/**
 * An entity as every write path takes it in, validated, with its properties in Neo4j
 * form.
 */
public record EntityRecord(String id, String type, Map<String, Object> properties, List<Citation> citations,
        Origin origin) {
}
