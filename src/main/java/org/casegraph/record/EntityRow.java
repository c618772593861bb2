package org.casegraph.record;

import java.util.Map;

/**
 * An entity as the batch write statements take it, one of their {@code $rows}: its id,
 * its type (the label) and its properties as stored.
 */
public record EntityRow(String id, String type, Map<String, Object> props) {

    /** The row as the driver sends it to Cypher. */
    public Map<String, Object> toParameters() {
        return Map.of("id", this.id, "type", this.type, "props", this.props);
    }

}
