package org.casegraph.entity;

import java.util.List;

/**
 * Anonymized: a label, a count, an age band, sex and country-level nationality, and
 * nothing else.
 */
public record Victim(String id, String name, String summary, List<Citation> sources, List<String> sensitiveFields,
        Long count, String countQualifier, String ageBand, String sex, String nationality) implements Entity {
}
