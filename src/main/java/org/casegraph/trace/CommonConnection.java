package org.casegraph.trace;

import java.util.List;

import org.casegraph.entity.Entity;
import org.casegraph.entity.Relationship;

/** An entity linked to each of several others, with the links. */
public record CommonConnection(Entity node, List<Relationship> relationships) {
}
