package org.casegraph.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.access.SensitiveFields;
import org.casegraph.graph.EventOrder;
import org.casegraph.graph.PartialDate;
import org.casegraph.graph.Vocabulary;
import org.neo4j.driver.TransactionContext;

/**
 * Writes validated records with MERGE on their stable ids, so writing the same data twice
 * changes nothing.
 */
public final class GraphWriter {

    private GraphWriter() {
    }

    /**
     * Writes everything inside the given transaction; the caller commits all of it or
     * none.
     */
    public static void write(TransactionContext tx, List<EntityRecord> entityRecords,
            List<RelationshipRecord> relationshipRecords, Vocabulary vocabulary) {
        Map<String, Map<String, Object>> edited = editorialState(tx);
        // An entity merged into another stays merged: its id resolves to the one kept,
        // and its links (which need
        // both ends) are not written again either.
        Set<String> mergedAway = new HashSet<>(
                tx.run("MATCH (a:Alias) RETURN a.id AS id").list((r) -> r.get("id").asString()));
        List<EntityRow> entities = new ArrayList<>();
        for (EntityRecord entity : entityRecords) {
            requireKnown(vocabulary.entityType(entity.type()) != null, entity.type());
            if (mergedAway.contains(entity.id())) {
                continue;
            }
            entities.add(new EntityRow(entity.id(), entity.type(),
                    keepingEditorialState(nodeProperties(entity), edited.get(entity.id()))));
        }
        // Two statements whatever the number of types (dynamic labels and types, Neo4j
        // 5.26+): a cold start
        // plans two queries instead of one per label and relationship type.
        tx.run("""
                UNWIND $rows AS row
                MERGE (n:Entity {id: row.id})
                SET n = row.props, n:$(row.type)
                """, Map.of("rows", entities.stream().map(EntityRow::toParameters).toList())).consume();
        // Ids an entity had before a rename or merge keep resolving to it, as a merge's
        // do.
        tx.run("""
                UNWIND $rows AS row
                WITH row WHERE row.props.formerIds IS NOT NULL
                MATCH (n:Entity {id: row.id})
                UNWIND row.props.formerIds AS former
                MERGE (a:Alias {id: former})
                WITH a, n
                OPTIONAL MATCH (a)-[old:ALIAS_OF]->(other) WHERE other <> n
                DELETE old
                MERGE (a)-[:ALIAS_OF]->(n)
                """, Map.of("rows", entities.stream().map(EntityRow::toParameters).toList())).consume();
        List<RelationshipRow> relationships = new ArrayList<>();
        for (RelationshipRecord relationship : relationshipRecords) {
            requireKnown(vocabulary.relationshipType(relationship.type()) != null, relationship.type());
            relationships
                .add(new RelationshipRow(relationship.id(), relationship.type(), relationship.from(), relationship.to(),
                        keepingEditorialState(relationshipProperties(relationship), edited.get(relationship.id()))));
        }
        tx.run("""
                UNWIND $rows AS row
                MATCH (a:Entity {id: row.from})
                MATCH (b:Entity {id: row.to})
                MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
                SET r = row.props
                """, Map.of("rows", relationships.stream().map(RelationshipRow::toParameters).toList())).consume();
    }

    /**
     * What editors decided about loaded records since (marked sensitive, retracted,
     * fields hidden; the version), by id: loading the seed data again must not publish
     * any of it again.
     */
    private static Map<String, Map<String, Object>> editorialState(TransactionContext tx) {
        Map<String, Map<String, Object>> state = new HashMap<>();
        tx.run("""
                MATCH (n:Entity) WHERE n.version IS NOT NULL OR n.visibility IS NOT NULL OR n.sensitiveFields IS NOT NULL
                RETURN n.id AS id, n {.version, .visibility, .visibilityReason, .sensitiveFields} AS state
                UNION ALL
                MATCH (:Entity)-[r]->(:Entity)
                WHERE r.version IS NOT NULL OR r.visibility IS NOT NULL OR r.sensitiveFields IS NOT NULL
                RETURN r.id AS id, r {.version, .visibility, .visibilityReason, .sensitiveFields} AS state
                """)
            .forEachRemaining((r) -> state.put(r.get("id").asString(), r.get("state").asMap()));
        return state;
    }

    /**
     * New properties of a record that keep what editors decided about it: its visibility
     * and reason, its hidden fields (hidden again), and its version, one on.
     * {@code state} is what the record has now, or null.
     */
    public static Map<String, Object> keepingEditorialState(Map<String, Object> props, Map<String, Object> state) {
        if (state == null) {
            return props;
        }
        Map<String, Object> kept = new LinkedHashMap<>(props);
        for (String key : List.of("visibility", "visibilityReason")) {
            if (state.get(key) != null) {
                kept.put(key, state.get(key));
            }
        }
        if (state.get("version") instanceof Number version) {
            kept.put("version", version.longValue() + 1);
        }
        return SensitiveFields.hide(kept, SensitiveFields.names(state));
    }

    public static Map<String, Object> nodeProperties(EntityRecord entity) {
        Map<String, Object> props = new LinkedHashMap<>(entity.properties());
        props.values().removeIf((value) -> value == null);
        putCitations(props, entity.citations());
        if (props.get("aliases") instanceof List<?> aliases && !aliases.isEmpty()) {
            props.put("aliasText", String.join(" | ", aliases.stream().map(String::valueOf).toList()));
        }
        if ("Event".equals(entity.type()) && props.get("date") instanceof String date && PartialDate.isValid(date)) {
            // Every write path comes through here, so timelines can order by one indexed
            // property.
            props.put(EventOrder.SORT_KEY, EventOrder.sortKey(date, (Number) props.get("ordinal")));
        }
        if (!"Victim".equals(entity.type())) {
            props.put("quoteText", String.join("\n", entity.citations().stream().map(Citation::quote).toList()));
        }
        return props;
    }

    public static Map<String, Object> relationshipProperties(RelationshipRecord relationship) {
        Map<String, Object> props = new LinkedHashMap<>(relationship.properties());
        props.put("id", relationship.id());
        putCitations(props, relationship.citations());
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
