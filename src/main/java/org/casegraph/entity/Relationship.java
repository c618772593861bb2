package org.casegraph.entity;

import java.util.List;

/**
 * A typed, sourced link; {@code from} and {@code to} are resolved in one batch per
 * request.
 */
public record Relationship(String id, String type, String fromId, String toId, String role, String validFrom,
        String validTo, String dateQualifier, String dateReasoning, Double amount, String currency, Long count,
        String note, String basis, List<Citation> sources, List<String> sensitiveFields) {
}
