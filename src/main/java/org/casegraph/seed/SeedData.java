package org.casegraph.seed;

import java.util.List;

import org.casegraph.record.EntityRecord;
import org.casegraph.record.RelationshipRecord;

/**
 * Validated seed data, ready to write.
 *
 * @param entities every entity, with its properties in Neo4j form
 * @param relationships every relationship
 */
public record SeedData(List<EntityRecord> entities, List<RelationshipRecord> relationships) {

}
