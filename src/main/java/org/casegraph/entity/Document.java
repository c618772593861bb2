package org.casegraph.entity;

import java.util.List;

public record Document(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        List<String> aliases, String kind, String title, String publicationDate, String dateQualifier,
        String dateReasoning, String url, String seedFile) implements Entity {
}
