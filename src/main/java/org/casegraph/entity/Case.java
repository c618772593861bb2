package org.casegraph.entity;

import java.util.List;

public record Case(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        List<String> aliases, String status, String jurisdiction, List<String> charges) implements Entity {
}
