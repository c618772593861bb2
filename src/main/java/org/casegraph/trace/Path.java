package org.casegraph.trace;

import java.util.List;

import org.casegraph.entity.Entity;
import org.casegraph.entity.Relationship;

public record Path(int length, List<Entity> nodes, List<Relationship> relationships) {
}
