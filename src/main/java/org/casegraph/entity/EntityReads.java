package org.casegraph.entity;

import org.casegraph.access.SensitiveReadAudit;
import org.casegraph.access.SensitiveReads;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * The way a request reads entities and relationships: each record is noted for the
 * sensitive-read audit ({@link SensitiveReadAudit}) before {@link EntityMapper} maps it,
 * so a read is recorded whatever fields the client selects. Reads outside a request
 * (exports) use the mapper alone and record their reads themselves.
 */
public final class EntityReads {

    private EntityReads() {
    }

    public static Entity entity(Node node) {
        SensitiveReads.read(node);
        return EntityMapper.asEntity(node);
    }

    /** Reads what {@link org.casegraph.access.Visibility#entity} returns. */
    public static Entity entity(Value value) {
        SensitiveReads.read(value);
        return EntityMapper.asEntity(value);
    }

    /** Reads what {@link org.casegraph.access.Visibility#relationship} returns. */
    public static Relationship relationship(Value value) {
        SensitiveReads.read(value);
        return EntityMapper.asRelationship(value);
    }

}
