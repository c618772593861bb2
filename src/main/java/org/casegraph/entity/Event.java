package org.casegraph.entity;

import java.util.List;

public record Event(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        String kind, String date, String endDate, String dateQualifier, String dateReasoning, Long ordinal,
        Double sentenceYears, Double sentenceYearsMax, Double fineAmount, String fineCurrency, Long count,
        String countOf, String countQualifier) implements Entity {
}
