package org.casegraph.trace;

import java.util.List;

import org.casegraph.entity.Entity;
import org.casegraph.entity.Relationship;

/**
 * A route between two entities: distinct entities in the order travelled, and on each hop
 * every relationship the query may follow between the two entities of that hop.
 */
public record Path(List<Entity> nodes, List<Hop> hops) {

    public int length() {
        return this.hops.size();
    }

    /**
     * Every relationship of every hop, in hop order: what {@code Path.relationships} held
     * before hops grouped them.
     */
    public List<Relationship> relationships() {
        return this.hops.stream().flatMap((hop) -> hop.relationships().stream()).toList();
    }

}
