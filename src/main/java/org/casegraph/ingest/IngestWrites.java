package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casegraph.entity.EntityMapper;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.EntityValidator;
import org.casegraph.record.GraphWriter;
import org.casegraph.record.Origin;
import org.casegraph.record.RelationshipRecord;
import org.casegraph.record.VictimGroupRule;
import org.neo4j.driver.TransactionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place ingest writes to the graph: a published ingestion's Document, its
 * accepted entities with their citations, and its MENTIONS links, validated like every
 * other write and audited, in one transaction, so that a refused write leaves the
 * database as it was.
 * <p>
 * Until curation's repository lands this mirrors curation's write path (validator, audit
 * entry, version); then it should call that repository instead.
 */
final class IngestWrites {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;

    private final EntityValidator validator;

    IngestWrites(Graph graph, Vocabulary vocabulary) {
        this.graph = graph;
        this.validator = new EntityValidator(vocabulary);
    }

    EntityValidator validator() {
        return this.validator;
    }

    /**
     * A fact to write: an existing entity ({@code newEntity} null) or a new one, with the
     * quote that cites it.
     */
    record Accepted(String entityId, Mention.NewEntity newEntity, String quote) {
    }

    /**
     * Writes the Document and everything accepted; returns the ids of the entities it
     * mentions.
     */
    List<String> publish(String actor, String documentId, Map<String, Object> documentFields, String documentQuote,
            List<Accepted> accepted) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> document = entity(documentId, "Document", documentFields,
                List.of(new Citation(documentId, documentQuote)), problems);
        List<Map<String, Object>> created = new ArrayList<>();
        for (Accepted fact : accepted) {
            if (fact.newEntity() != null) {
                Mention.NewEntity e = fact.newEntity();
                Map<String, Object> fields = new LinkedHashMap<>(e.fields() == null ? Map.of() : e.fields());
                fields.put("name", e.name());
                fields.put("summary", e.summary());
                created
                    .add(entity(e.id(), e.type(), fields, List.of(new Citation(documentId, fact.quote())), problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new IngestException(IngestException.Kind.INVALID, "Invalid input: " + String.join("; ", problems));
        }
        return this.graph.write((tx) -> {
            boolean exists = tx
                .run("MATCH (n:Entity {id: $id}) RETURN count(n) > 0 AS exists", Map.of("id", documentId))
                .single()
                .get("exists")
                .asBoolean();
            if (exists) {
                throw new IngestException(IngestException.Kind.CONFLICT, "'" + documentId + "' is published already");
            }
            create(tx, actor, document);
            for (Map<String, Object> entity : created) {
                create(tx, actor, entity);
            }
            List<String> mentioned = new ArrayList<>();
            for (Accepted fact : accepted) {
                String id = fact.newEntity() != null ? fact.newEntity().id() : fact.entityId();
                if (fact.newEntity() == null) {
                    cite(tx, actor, id, new Citation(documentId, fact.quote()));
                }
                mentions(tx, actor, documentId, id, fact.quote());
                mentioned.add(id);
            }
            List<String> ruleProblems = VictimGroupRule.inGraph(tx, mentioned);
            if (!ruleProblems.isEmpty()) {
                throw new IngestException(IngestException.Kind.INVALID,
                        "Invalid input: " + String.join("; ", ruleProblems));
            }
            return mentioned;
        });
    }

    private Map<String, Object> entity(String id, String type, Map<String, Object> fields, List<Citation> citations,
            List<String> problems) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("id", id);
        all.put("type", type);
        all.values().removeIf((value) -> value == null);
        Map<String, Object> properties = this.validator.entityProperties(all,
                (field, message) -> problems.add(message));
        if (properties == null) {
            return Map.of();
        }
        if ("Victim".equals(type)) {
            VictimGroupRule.checkQuotes(properties, citations.stream().map(Citation::quote).toList(),
                    (field, quote, message) -> problems.add(message));
        }
        Map<String, Object> props = GraphWriter
            .nodeProperties(new EntityRecord(id, type, properties, citations, new Origin("ingest", 0)));
        props.put("version", 1L);
        return Map.of("id", id, "type", type, "props", props);
    }

    private static void create(TransactionContext tx, String actor, Map<String, Object> entity) {
        boolean exists = tx
            .run("MATCH (n:Entity {id: $id}) RETURN count(n) > 0 AS exists", Map.of("id", entity.get("id")))
            .single()
            .get("exists")
            .asBoolean();
        if (exists) {
            throw new IngestException(IngestException.Kind.CONFLICT,
                    "an entity with id '" + entity.get("id") + "' already exists");
        }
        tx.run("CREATE (n:Entity) SET n = $props, n:$($type)",
                Map.of("props", entity.get("props"), "type", entity.get("type")))
            .consume();
        audit(tx, actor, "acceptMention", (String) entity.get("id"), null, entity.get("props"));
    }

    /** Adds a citation to an existing entity: its next version, audited. */
    private static void cite(TransactionContext tx, String actor, String id, Citation citation) {
        var found = tx
            .run("MATCH (n:Entity {id: $id}) SET n.version = coalesce(n.version, 1) RETURN n", Map.of("id", id))
            .list();
        if (found.isEmpty()) {
            throw new IngestException(IngestException.Kind.NOT_FOUND, "no entity has the id '" + id + "'");
        }
        var node = found.get(0).get("n").asNode();
        Map<String, Object> before = new LinkedHashMap<>(node.asMap());
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("citeDocs", append(before.get("citeDocs"), citation.document()));
        after.put("citeQuotes", append(before.get("citeQuotes"), citation.quote()));
        if (!"Victim".equals(EntityMapper.typeOf(node))) {
            after.put("quoteText", Optional.ofNullable((String) before.get("quoteText")).map((q) -> q + "\n").orElse("")
                    + citation.quote());
        }
        after.put("version", ((Number) before.get("version")).longValue() + 1);
        tx.run("MATCH (n:Entity {id: $id}) SET n = $props", Map.of("id", id, "props", after)).consume();
        audit(tx, actor, "acceptMention", id, before, after);
    }

    private static List<Object> append(Object list, Object value) {
        List<Object> items = new ArrayList<>(list instanceof List<?> l ? l : List.of());
        items.add(value);
        return items;
    }

    private static void mentions(TransactionContext tx, String actor, String documentId, String entityId,
            String quote) {
        String id = documentId + "|MENTIONS|" + entityId;
        Map<String, Object> props = GraphWriter.relationshipProperties(new RelationshipRecord(id, "MENTIONS",
                documentId, entityId, Map.of(), List.of(new Citation(documentId, quote)), new Origin("ingest", 0)));
        props.put("version", 1L);
        tx.run("""
                MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
                MERGE (a)-[r:MENTIONS {id: $id}]->(b)
                SET r = $props
                """, Map.of("from", documentId, "to", entityId, "id", id, "props", props)).consume();
        audit(tx, actor, "createRelationship", id, null, props);
    }

    private static void audit(TransactionContext tx, String actor, String action, String target,
            Map<String, Object> before, Object after) {
        tx.run("""
                CREATE (:AuditEntry {at: datetime(), actor: $actor, action: $action, target: $target,
                                     before: $before, after: $after})
                """,
                Map.of("actor", Optional.ofNullable(actor).orElse("anonymous"), "action", action, "target", target,
                        "before", before == null ? "" : JSON.writeValueAsString(before), "after",
                        JSON.writeValueAsString(after)))
            .consume();
    }

}
