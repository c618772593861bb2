package org.casegraph.entity;

import java.util.List;

public record Place(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        List<String> aliases, String kind) implements Entity {
}
