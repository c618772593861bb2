package org.casegraph.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.casegraph.access.Caller;
import org.casegraph.access.Permission;
import org.casegraph.access.Visibility;
import org.casegraph.curation.CurationController.EntityPayload;
import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityReads;
import org.casegraph.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entity resolution: two records of one thing become one, and the merge can be undone.
 * The dropped entity's relationships move to the kept one, its citations and names join
 * the kept one's, and its id keeps resolving through an alias; everything needed to undo
 * it is recorded with the merge.
 */
@Controller
public class EntityMerges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;

    EntityMerges(Graph graph) {
        this.graph = graph;
    }

    /**
     * Undoing deletes the links the merge moved to the kept entity and writes the dropped
     * one's back as they were; a moved link changed since (a field hidden, say) would
     * silently lose that change.
     */
    private static void requireMovedLinksUnchanged(TransactionContext tx, String keepId, String dropId,
            List<String> created, List<DroppedLink> dropRelationships) {
        Map<String, String> asMoved = new HashMap<>();
        for (DroppedLink relationship : dropRelationships) {
            Map<String, Object> props = new TreeMap<>(relationship.props());
            props.put("id", String.valueOf(props.get("id")).replace(dropId, keepId));
            asMoved.put((String) props.get("id"), JSON.writeValueAsString(props));
        }
        tx.run("""
                MATCH (:Entity {id: $keep})-[r]-() WHERE r.id IN $created
                RETURN r.id AS id, properties(r) AS props
                """, Map.of("keep", keepId, "created", created)).list().forEach((record) -> {
            String id = record.get("id").asString();
            String now = JSON.writeValueAsString(new TreeMap<>(record.get("props").asMap()));
            if (!now.equals(asMoved.get(id))) {
                throw new CurationException(CurationException.Kind.CONFLICT,
                        "relationship '" + id + "' changed since the merge; undo those changes first");
            }
        });
    }

    public record MergeEntitiesInput(String keep, String drop, String reason) {
    }

    /**
     * A link of the dropped entity, as the merge record keeps it (as JSON) for an undo:
     * its type, its direction, the entity at its other end and its properties.
     */
    record DroppedLink(String type, boolean outgoing, String other, Map<String, Object> props) {

        static DroppedLink of(Record record) {
            return new DroppedLink(record.get("type").asString(), record.get("outgoing").asBoolean(),
                    record.get("other").asString(), record.get("props").asMap());
        }

    }

    record UndoMergeInput(String mergeId, String reason) {
    }

    public record MergePayload(Entity entity, int version, String mergeId) {
    }

    /**
     * The one merge path: the {@code mergeEntities} mutation, and an editor's accepting a
     * merge an import proposed.
     */
    @MutationMapping
    public MergePayload mergeEntities(@Argument MergeEntitiesInput input, Caller caller) {
        caller.require(Permission.EDIT_GRAPH);
        String actor = caller.actor();
        requireReason(input.reason());
        if (input.keep().equals(input.drop())) {
            throw CurationException.invalid(List.of("keep and drop must be two different entities"));
        }
        return this.graph.write((tx) -> {
            Node keep = CurationRepository.lockEntity(tx, input.keep());
            Node drop = CurationRepository.lockEntity(tx, input.drop());
            String type = EntityMapper.typeOf(keep);
            if (!type.equals(EntityMapper.typeOf(drop))) {
                throw CurationException
                    .invalid(List.of("cannot merge a " + EntityMapper.typeOf(drop) + " into a " + type));
            }
            // The dropped entity's names and quotes join the kept one: they must not
            // become more visible.
            String dropVisibility = drop.get("visibility").asString(Visibility.PUBLIC);
            String keepVisibility = keep.get("visibility").asString(Visibility.PUBLIC);
            if (Visibility.ALL.indexOf(dropVisibility) > Visibility.ALL.indexOf(keepVisibility)) {
                throw CurationException.invalid(List.of("'" + input.drop() + "' is " + dropVisibility + " and '"
                        + input.keep() + "' is " + keepVisibility + ": merging would show the first one's names and"
                        + " quotes to more readers; mark '" + input.keep() + "' " + dropVisibility + " first"));
            }
            List<DroppedLink> dropRelationships = tx.run("""
                    MATCH (d:Entity {id: $drop})-[r]-(o:Entity)
                    RETURN type(r) AS type, startNode(r) = d AS outgoing, o.id AS other, properties(r) AS props
                    """, Map.of("drop", input.drop())).list(DroppedLink::of);
            List<String> created = new ArrayList<>();
            for (DroppedLink relationship : dropRelationships) {
                if (input.keep().equals(relationship.other())) {
                    continue;
                }
                Map<String, Object> props = new LinkedHashMap<>(relationship.props());
                String id = String.valueOf(props.get("id")).replace(input.drop(), input.keep());
                props.put("id", id);
                boolean outgoing = relationship.outgoing();
                boolean made = tx
                    .run("""
                            MATCH (k:Entity {id: $keep}), (o:Entity {id: $other})
                            OPTIONAL MATCH (k)-[existing {id: $id}]-(o)
                            WITH k, o, existing WHERE existing IS NULL
                            CALL (k, o) {
                              WITH k, o WHERE $outgoing
                              CREATE (k)-[r:$($type)]->(o) SET r = $props
                              RETURN count(r) AS a
                              UNION ALL
                              WITH k, o WHERE NOT $outgoing
                              CREATE (o)-[r:$($type)]->(k) SET r = $props
                              RETURN count(r) AS a
                            }
                            RETURN sum(a) > 0 AS made
                            """,
                            Map.of("keep", input.keep(), "other", relationship.other(), "id", id, "outgoing", outgoing,
                                    "type", relationship.type(), "props", props))
                    .list((r) -> r.get("made").asBoolean())
                    .stream()
                    .anyMatch(Boolean::booleanValue);
                if (made) {
                    created.add(id);
                }
            }
            Map<String, Object> keepBefore = new LinkedHashMap<>(keep.asMap());
            Map<String, Object> keepAfter = merged(keepBefore, drop.asMap(), type);
            long version = keep.get("version").asLong() + 1;
            keepAfter.put("version", version);
            String mergeId = "merge/" + UUID.randomUUID();
            Node result = tx
                .run("""
                        MATCH (k:Entity {id: $keep}), (d:Entity {id: $drop})
                        SET k = $props
                        WITH k, d
                        OPTIONAL MATCH (a:Alias)-[old:ALIAS_OF]->(d)
                        FOREACH (alias IN CASE WHEN a IS NULL THEN [] ELSE [a] END | CREATE (alias)-[:ALIAS_OF]->(k))
                        WITH DISTINCT k, d
                        DETACH DELETE d
                        WITH k
                        CREATE (:Alias {id: $drop})-[:ALIAS_OF]->(k)
                        CREATE (:MergeRecord {id: $mergeId, keep: $keep, drop: $drop, dropType: $type, reason: $reason,
                                              actor: $actor, at: datetime(), keepBefore: $keepBefore, dropProps: $dropProps,
                                              dropRelationships: $dropRelationships, created: $created,
                                              keepVersionAfter: $version, undone: false})
                        RETURN k
                        """,
                        Map.ofEntries(Map.entry("keep", input.keep()), Map.entry("drop", input.drop()),
                                Map.entry("props", keepAfter), Map.entry("mergeId", mergeId), Map.entry("type", type),
                                Map.entry("reason", input.reason().strip()),
                                Map.entry("actor", actor == null ? "anonymous" : actor),
                                Map.entry("keepBefore", JSON.writeValueAsString(keepBefore)),
                                Map.entry("dropProps", JSON.writeValueAsString(drop.asMap())),
                                Map.entry("dropRelationships", JSON.writeValueAsString(dropRelationships)),
                                Map.entry("created", created), Map.entry("version", version)))
                .single()
                .get("k")
                .asNode();
            // The kept entity gains the dropped one's links: a victim group may not gain
            // detail the rule keeps out.
            CurationRepository.requireVictimGroupRule(tx, List.of(input.keep()));
            CurationRepository.audit(tx, actor, "mergeEntities", input.keep(), keepBefore,
                    Map.of("merged", input.drop(), "mergeId", mergeId, "reason", input.reason().strip()));
            return new MergePayload(EntityReads.entity(result), (int) version, mergeId);
        });
    }

    @MutationMapping
    EntityPayload undoMerge(@Argument UndoMergeInput input, Caller caller) {
        caller.require(Permission.EDIT_GRAPH);
        String actor = caller.actor();
        requireReason(input.reason());
        return this.graph.write((tx) -> {
            var records = tx.run("MATCH (m:MergeRecord {id: $id}) RETURN m", Map.of("id", input.mergeId())).list();
            if (records.isEmpty()) {
                throw new CurationException(CurationException.Kind.NOT_FOUND,
                        "no merge has the id '" + input.mergeId() + "'");
            }
            Node merge = records.get(0).get("m").asNode();
            if (merge.get("undone").asBoolean()) {
                throw new CurationException(CurationException.Kind.CONFLICT,
                        "merge " + input.mergeId() + " was already undone");
            }
            String keepId = merge.get("keep").asString();
            String dropId = merge.get("drop").asString();
            Node keep = CurationRepository.lockEntity(tx, keepId);
            long expected = merge.get("keepVersionAfter").asLong();
            if (keep.get("version").asLong() != expected) {
                throw new CurationException(CurationException.Kind.CONFLICT,
                        "entity '" + keepId + "' changed since the merge (version " + keep.get("version").asLong()
                                + ", not " + expected + "); undo those changes first");
            }
            Map<String, Object> keepBefore = new LinkedHashMap<>(
                    JSON.readValue(merge.get("keepBefore").asString(), new TypeReference<Map<String, Object>>() {
                    }));
            long version = expected + 1;
            keepBefore.put("version", version);
            Map<String, Object> dropProps = JSON.readValue(merge.get("dropProps").asString(),
                    new TypeReference<Map<String, Object>>() {
                    });
            List<DroppedLink> dropRelationships = JSON.readValue(merge.get("dropRelationships").asString(),
                    new TypeReference<List<DroppedLink>>() {
                    });
            requireMovedLinksUnchanged(tx, keepId, dropId, merge.get("created").asList(Value::asString),
                    dropRelationships);
            Node restored = tx
                .run("""
                        MATCH (k:Entity {id: $keep})
                        OPTIONAL MATCH (k)-[r]-() WHERE r.id IN $created
                        DELETE r
                        WITH DISTINCT k
                        SET k = $keepBefore
                        WITH k
                        OPTIONAL MATCH (alias:Alias {id: $drop})
                        DETACH DELETE alias
                        WITH k
                        CREATE (d:Entity) SET d = $dropProps, d:$($type)
                        RETURN k
                        """,
                        Map.of("keep", keepId, "created", merge.get("created").asList(), "keepBefore", keepBefore,
                                "drop", dropId, "dropProps", dropProps, "type", merge.get("dropType").asString()))
                .single()
                .get("k")
                .asNode();
            for (DroppedLink relationship : dropRelationships) {
                tx.run("""
                        MATCH (d:Entity {id: $drop}), (o:Entity {id: $other})
                        FOREACH (_ IN CASE WHEN $outgoing THEN [1] ELSE [] END | CREATE (d)-[r:$($type)]->(o) SET r = $props)
                        FOREACH (_ IN CASE WHEN $outgoing THEN [] ELSE [1] END | CREATE (o)-[r:$($type)]->(d) SET r = $props)
                        """,
                        Map.of("drop", dropId, "other", relationship.other(), "outgoing", relationship.outgoing(),
                                "type", relationship.type(), "props", relationship.props()))
                    .consume();
            }
            tx.run("MATCH (m:MergeRecord {id: $id}) SET m.undone = true, m.undoneAt = datetime(), m.undoReason = $reason",
                    Map.of("id", input.mergeId(), "reason", input.reason().strip()))
                .consume();
            CurationRepository.requireVictimGroupRule(tx, List.of(keepId, dropId));
            CurationRepository.audit(tx, actor, "undoMerge", keepId, Map.of("mergeId", input.mergeId()),
                    Map.of("restored", dropId, "reason", input.reason().strip()));
            return new EntityPayload(EntityReads.entity(restored), (int) version);
        });
    }

    /** The kept entity with the dropped one's citations and names added. */
    private static Map<String, Object> merged(Map<String, Object> keep, Map<String, Object> drop, String type) {
        Map<String, Object> result = new LinkedHashMap<>(keep);
        List<String> documents = new ArrayList<>(strings(keep.get("citeDocs")));
        List<String> quotes = new ArrayList<>(strings(keep.get("citeQuotes")));
        List<String> dropDocuments = strings(drop.get("citeDocs"));
        List<String> dropQuotes = strings(drop.get("citeQuotes"));
        for (int i = 0; i < Math.min(dropDocuments.size(), dropQuotes.size()); i++) {
            boolean known = false;
            for (int j = 0; j < documents.size(); j++) {
                known |= documents.get(j).equals(dropDocuments.get(i)) && quotes.get(j).equals(dropQuotes.get(i));
            }
            if (!known) {
                documents.add(dropDocuments.get(i));
                quotes.add(dropQuotes.get(i));
            }
        }
        result.put("citeDocs", documents);
        result.put("citeQuotes", quotes);
        if (!"Victim".equals(type)) {
            result.put("quoteText", String.join("\n", quotes));
            LinkedHashSet<String> aliases = new LinkedHashSet<>(strings(keep.get("aliases")));
            aliases.add(String.valueOf(drop.get("name")));
            aliases.addAll(strings(drop.get("aliases")));
            aliases.remove(String.valueOf(keep.get("name")));
            result.put("aliases", List.copyOf(aliases));
            result.put("aliasText", String.join(" | ", aliases));
        }
        return result;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw CurationException.invalid(List.of("a reason is required"));
        }
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

}
