package org.casegraph.curation;

import java.util.Map;

import org.casegraph.access.Visibility;
import org.casegraph.curation.CurationController.EntityPayload;
import org.casegraph.curation.CurationController.RelationshipPayload;
import org.casegraph.entity.EntityReads;
import org.casegraph.entity.EntityRepository;
import org.neo4j.driver.Value;

/**
 * What a curation write changes: an entity or a relationship. Each knows how to lock
 * itself (setting a missing version takes the write lock, so concurrent writers queue
 * behind the transaction) and how its properties are written back; everything else about
 * a curated record (versions, visibility, audit) is the same for both and lives once in
 * {@link CurationRepository}. {@code P} is what a mutation on it answers with.
 */
sealed interface CurationTarget<P> {

    String id();

    /** What it is, for messages: "entity" or "relationship". */
    String noun();

    /**
     * Locks it and returns {@code props}, its properties (and for an entity
     * {@code node}); parameters {@link #keys}.
     */
    String lockStatement();

    /**
     * Sets its properties to {@code $props} and returns it as {@code value}; parameters
     * {@link #keys} and props.
     */
    String writeStatement();

    /** The parameters that find it. */
    Map<String, Object> keys();

    /**
     * The answer to a mutation: {@code written}, what {@link #writeStatement} returned,
     * at {@code version}.
     */
    P payload(Value written, int version);

    static OfEntity entity(String id) {
        return new OfEntity(id);
    }

    /**
     * A relationship by its id, which reads from|TYPE|to: its ends let the look-up use
     * the entity index.
     */
    static OfRelationship relationship(String id) {
        String[] parts = id == null ? new String[0] : id.split("\\|");
        if (parts.length != 3) {
            throw new CurationException(CurationException.Kind.NOT_FOUND,
                    "no relationship has the id '" + id + "' (relationship ids read from|TYPE|to)");
        }
        return new OfRelationship(id, parts[0], parts[2]);
    }

    record OfEntity(String id) implements CurationTarget<EntityPayload> {

        @Override
        public String noun() {
            return "entity";
        }

        @Override
        public String lockStatement() {
            return "MATCH (n:Entity {id: $id}) SET n.version = coalesce(n.version, 1) RETURN n AS node, properties(n) AS props";
        }

        @Override
        public String writeStatement() {
            return "MATCH (n:Entity {id: $id}) SET n = $props RETURN n AS value";
        }

        @Override
        public Map<String, Object> keys() {
            return Map.of("id", this.id);
        }

        @Override
        public EntityPayload payload(Value written, int version) {
            return new EntityPayload(EntityReads.entity(written.asNode()), version);
        }

    }

    record OfRelationship(String id, String from, String to) implements CurationTarget<RelationshipPayload> {

        @Override
        public String noun() {
            return "relationship";
        }

        @Override
        public String lockStatement() {
            return """
                    MATCH (:Entity {id: $from})-[r {id: $id}]->(:Entity {id: $to})
                    SET r.version = coalesce(r.version, 1)
                    RETURN properties(r) AS props
                    """;
        }

        @Override
        public String writeStatement() {
            return """
                    MATCH (:Entity {id: $from})-[r {id: $id}]->(:Entity {id: $to})
                    SET r = $props
                    RETURN %s AS value
                    """.formatted(EntityRepository.RELATIONSHIP_PROJECTION);
        }

        @Override
        public Map<String, Object> keys() {
            // The projection reads sensitive fields for editors, who may see everything.
            return Map.of("id", this.id, "from", this.from, "to", this.to, "visible", Visibility.ALL);
        }

        @Override
        public RelationshipPayload payload(Value written, int version) {
            return new RelationshipPayload(EntityReads.relationship(written), version);
        }

    }

}
