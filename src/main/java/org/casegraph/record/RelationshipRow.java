package org.casegraph.record;

import java.util.Map;

/**
 * A relationship as the batch write statements take it, one of their {@code $rows}: its
 * id, its type, the ids of its ends and its properties as stored.
 */
public record RelationshipRow(String id, String type, String from, String to, Map<String, Object> props) {

    /** The row as the driver sends it to Cypher. */
    public Map<String, Object> toParameters() {
        return Map.of("id", this.id, "type", this.type, "from", this.from, "to", this.to, "props", this.props);
    }

}
