package org.casegraph.entity;

import java.util.List;

public record Claim(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        String statement) implements Entity {
}
