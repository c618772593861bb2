package org.casegraph.entity;

import java.util.List;

public record Organization(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        List<String> aliases, String kind, String country) implements Entity {
}
