package org.casegraph.ingest;

import java.util.List;
import java.util.Map;

/**
 * Validated seed data, ready to write.
 *
 * @param entities every entity, with its properties in Neo4j form
 * @param relationships every relationship
 */
public record SeedData(List<EntityRecord> entities, List<RelationshipRecord> relationships) {

    /** Where a record was written down, for messages. */
    public record Origin(String file, int line) {

        @Override
        public String toString() {
            return this.file + ":" + this.line;
        }

    }

    public record Citation(String document, String quote) {
    }

    public record EntityRecord(String id, String type, Map<String, Object> properties, List<Citation> citations,
            Origin origin) {
    }

    public record RelationshipRecord(String id, String type, String from, String to, Map<String, Object> properties,
            List<Citation> citations, Origin origin) {
    }

}
