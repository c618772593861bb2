package org.casegraph.entity;

import java.util.List;

public record Person(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        List<String> aliases, String nationality, List<String> titles, String party) implements Entity {
}
