package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casegraph.graph.Vocabulary;
import org.casegraph.ingest.SeedData.Citation;
import org.casegraph.ingest.SeedData.EntityRecord;
import org.casegraph.ingest.SeedData.RelationshipRecord;
import org.neo4j.driver.TransactionContext;

/**
 * Writes validated records with MERGE on their stable ids, so writing the same data twice changes nothing.
 */
final class GraphWriter {

    private GraphWriter() {
    }

    /** Writes everything inside the given transaction; the caller commits all of it or none. */
    static void write(TransactionContext tx, SeedData data, Vocabulary vocabulary) {
        Map<String, List<Map<String, Object>>> entitiesByType = new TreeMap<>();
        Map<String, String> typeById = new HashMap<>();
        for (EntityRecord entity : data.entities()) {
            typeById.put(entity.id(), entity.type());
            entitiesByType.computeIfAbsent(entity.type(), (type) -> new ArrayList<>())
                .add(Map.of("id", entity.id(), "props", nodeProperties(entity)));
        }
        entitiesByType.forEach((type, rows) -> {
            // The label comes from the vocabulary, never from input text: labels cannot be parameters.
            requireKnown(vocabulary.entityType(type) != null, type);
            tx.run("""
                    UNWIND $rows AS row
                    MERGE (n:Entity {id: row.id})
                    SET n = row.props, n:%s
                    """.formatted(type), Map.of("rows", rows)).consume();
        });
        Map<String, List<Map<String, Object>>> relationshipsByType = new TreeMap<>();
        for (RelationshipRecord relationship : data.relationships()) {
            Map<String, Object> props = new LinkedHashMap<>(relationship.properties());
            props.put("id", relationship.id());
            putCitations(props, relationship.citations());
            relationshipsByType.computeIfAbsent(relationship.type(), (type) -> new ArrayList<>())
                .add(Map.of("id", relationship.id(), "from", relationship.from(), "to", relationship.to(), "props",
                        props));
        }
        relationshipsByType.forEach((type, rows) -> {
            requireKnown(vocabulary.relationshipType(type) != null, type);
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (a:Entity {id: row.from})
                    MATCH (b:Entity {id: row.to})
                    MERGE (a)-[r:%s {id: row.id}]->(b)
                    SET r = row.props
                    """.formatted(type), Map.of("rows", rows)).consume();
        });
    }

    static Map<String, Object> nodeProperties(EntityRecord entity) {
        Map<String, Object> props = new LinkedHashMap<>(entity.properties());
        props.values().removeIf((value) -> value == null);
        putCitations(props, entity.citations());
        if (props.get("aliases") instanceof List<?> aliases && !aliases.isEmpty()) {
            props.put("aliasText", String.join(" | ", aliases.stream().map(String::valueOf).toList()));
        }
        if (!"Victim".equals(entity.type())) {
            props.put("quoteText", String.join("\n", entity.citations().stream().map(Citation::quote).toList()));
        }
        return props;
    }

    private static void putCitations(Map<String, Object> props, List<Citation> citations) {
        props.put("citeDocs", citations.stream().map(Citation::document).toList());
        props.put("citeQuotes", citations.stream().map(Citation::quote).toList());
    }

    private static void requireKnown(boolean known, String type) {
        if (!known) {
            throw new IllegalArgumentException("not in the vocabulary: " + type);
        }
    }

}
