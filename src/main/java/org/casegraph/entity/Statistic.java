package org.casegraph.entity;

import java.util.List;

public record Statistic(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        String metric, Double value, Double valueMax, String unit, String qualifier, String period) implements Entity {
}
