package org.casegraph.trace;

import java.util.List;

import org.casegraph.entity.Entity;
import org.casegraph.entity.Relationship;

/**
 * One step of a path, {@code from} and {@code to} in the path's direction of travel; the
 * relationships keep their own direction.
 */
public record Hop(Entity from, Entity to, List<Relationship> relationships) {
}
