package org.casegraph.trace;

import java.util.List;

import org.casegraph.entity.Entity;
import org.casegraph.entity.Relationship;

public record Subgraph(List<Entity> nodes, List<Relationship> relationships, boolean truncated) {
}
