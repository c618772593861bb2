package org.casegraph.curation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casegraph.curation.CurationInputs.CitationInput;
import org.casegraph.access.Visibility;
import org.casegraph.entity.EntityRepository;
import org.casegraph.record.GraphWriter;
import org.casegraph.record.RelationshipRecord;
import org.casegraph.record.Citation;
import org.casegraph.record.VictimGroupRule;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import tools.jackson.databind.json.JsonMapper;

/**
 * Curation's one door into the graph: locking a record at the version the editor read,
 * writing it with its next version, citations, the victim-group rule, and the audit entry
 * that goes with every change. Every method runs in the caller's write transaction, so a
 * refused or failed write leaves nothing behind. The controllers check the caller and the
 * input, and call these; the second way into curation, document ingest, calls the same
 * public methods ({@link #createEntity}, {@link #cite}, {@link #link}).
 */
public final class CurationRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CurationRepository() {
    }

    /**
     * Takes the record's write lock, then checks the version the editor read: a
     * concurrent update waits for the lock and then sees the version ours left. Returns
     * what the lock statement returned ({@code props}, and {@code node} for an entity).
     */
    static Record lockAtVersion(TransactionContext tx, CurationTarget<?> target, Integer expectedVersion) {
        Record found = lock(tx, target);
        long version = found.get("props").get("version").asLong();
        if (expectedVersion == null || version != expectedVersion) {
            throw new CurationException(CurationException.Kind.CONFLICT,
                    target.noun() + " '" + target.id() + "' is at version " + version + ", not " + expectedVersion
                            + ": someone changed it since you read it; read it again");
        }
        return found;
    }

    /**
     * Takes the record's write lock (so concurrent writers queue behind this transaction)
     * without a version check.
     */
    static Record lock(TransactionContext tx, CurationTarget<?> target) {
        List<Record> found = tx.run(target.lockStatement(), target.keys()).list();
        if (found.isEmpty()) {
            throw new CurationException(CurationException.Kind.NOT_FOUND,
                    "no " + target.noun() + " has the id '" + target.id() + "'");
        }
        return found.get(0);
    }

    /** The entity {@code id}, locked at the version the editor read. */
    static Node lockEntityAtVersion(TransactionContext tx, String id, Integer expectedVersion) {
        return lockAtVersion(tx, CurationTarget.entity(id), expectedVersion).get("node").asNode();
    }

    /** The entity {@code id}, locked. */
    static Node lockEntity(TransactionContext tx, String id) {
        return lock(tx, CurationTarget.entity(id)).get("node").asNode();
    }

    /** The properties of the record, locked at the version the editor read. */
    static Map<String, Object> lockPropertiesAtVersion(TransactionContext tx, CurationTarget<?> target,
            Integer expectedVersion) {
        return new LinkedHashMap<>(lockAtVersion(tx, target, expectedVersion).get("props").asMap());
    }

    /**
     * Writes the record's new properties (with its next version) and their audit entry,
     * which records {@code audited} as what it became; returns the record as written, as
     * the mutation's answer.
     */
    static <P> P write(TransactionContext tx, CurationTarget<P> target, Map<String, Object> props, String actor,
            String action, Map<String, Object> before, Map<String, Object> audited) {
        Map<String, Object> parameters = new HashMap<>(target.keys());
        parameters.put("props", props);
        Value written = tx.run(target.writeStatement(), parameters).single().get("value");
        audit(tx, actor, action, target.id(), before, audited);
        return target.payload(written, ((Number) props.get("version")).intValue());
    }

    /**
     * Locks the record at the version the editor read and writes it with a new visibility
     * and its reason; the same for entities and relationships. Returns the record as
     * written.
     */
    static <P> P changeVisibility(TransactionContext tx, CurationTarget<P> target, Integer expectedVersion,
            String visibility, String reason, String actor, String action) {
        Map<String, Object> before = lockPropertiesAtVersion(tx, target, expectedVersion);
        Map<String, Object> after = withVisibility(before, visibility, reason);
        return write(tx, target, after, actor, action, before, after);
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw CurationException.invalid(List.of("a reason is required"));
        }
    }

    /**
     * An entity's or a relationship's properties with a new visibility, its reason, and
     * the next version.
     */
    static Map<String, Object> withVisibility(Map<String, Object> before, String visibility, String reason) {
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("visibility", visibility);
        after.put("visibilityReason", reason.strip());
        after.put("version", ((Number) before.get("version")).longValue() + 1);
        return after;
    }

    /**
     * Refuses the write, inside its transaction (so nothing of it stays), if it leaves a
     * victim group among or next to {@code ids} breaking {@link VictimGroupRule}.
     */
    public static void requireVictimGroupRule(TransactionContext tx, Collection<String> ids) {
        List<String> problems = VictimGroupRule.inGraph(tx, ids);
        if (!problems.isEmpty()) {
            throw CurationException.invalid(problems);
        }
    }

    /**
     * The citations of a write's input, quotes with their white space collapsed; problems
     * for missing quotes.
     */
    static List<Citation> citations(List<CitationInput> sources, List<String> problems) {
        List<Citation> citations = new ArrayList<>();
        if (sources == null || sources.isEmpty()) {
            problems.add("missing citation: every entity and relationship needs at least one source {document, quote}");
            return citations;
        }
        for (CitationInput source : sources) {
            if (source.quote() == null || source.quote().isBlank()) {
                problems.add("a citation of " + source.document() + " has no quote");
                continue;
            }
            citations.add(new Citation(source.document(), source.quote().strip().replaceAll("\\s+", " ")));
        }
        return citations;
    }

    /** Refuses citations of documents that are not in the graph. */
    public static void requireDocuments(TransactionContext tx, List<Citation> citations) {
        List<String> ids = citations.stream().map(Citation::document).distinct().toList();
        List<String> documents = tx.run("MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id", Map.of("ids", ids))
            .list((r) -> r.get("id").asString());
        List<String> missing = ids.stream().filter((id) -> !documents.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw CurationException.invalid(List.of("citations must name existing Documents; unknown: " + missing));
        }
    }

    /** The citations a record holds, from its parallel citeDocs and citeQuotes lists. */
    static List<Citation> existingCitations(Map<String, Object> properties) {
        List<?> documents = (List<?>) properties.getOrDefault("citeDocs", List.of());
        List<?> quotes = (List<?>) properties.getOrDefault("citeQuotes", List.of());
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < Math.min(documents.size(), quotes.size()); i++) {
            citations.add(new Citation((String) documents.get(i), (String) quotes.get(i)));
        }
        return citations;
    }

    /**
     * The audit entry is written in the same transaction as the change: no change without
     * its record.
     */
    static void audit(TransactionContext tx, String actor, String action, String target, Map<String, Object> before,
            Map<String, Object> after) {
        tx.run("""
                CREATE (:AuditEntry {at: datetime(), actor: $actor, action: $action, target: $target,
                                     before: $before, after: $after})
                """,
                Map.of("actor", Optional.ofNullable(actor).orElse("anonymous"), "action", action, "target", target,
                        "before", before == null ? "" : JSON.writeValueAsString(before), "after",
                        JSON.writeValueAsString(after)))
            .consume();
    }

    /**
     * Creates the entity {@code id} of {@code type} with its validated node properties at
     * version 1, refusing an id already in use; audited as {@code action}.
     */
    public static Node createEntity(TransactionContext tx, String actor, String action, String id, String type,
            Map<String, Object> props) {
        Map<String, Object> created = new LinkedHashMap<>(props);
        created.put("version", 1L);
        boolean exists = tx.run("MATCH (n:Entity {id: $id}) RETURN count(n) > 0 AS exists", Map.of("id", id))
            .single()
            .get("exists")
            .asBoolean();
        if (exists) {
            throw new CurationException(CurationException.Kind.CONFLICT,
                    "an entity with id '" + id + "' already exists");
        }
        Node node = tx
            .run("CREATE (n:Entity) SET n = $props, n:$($type) RETURN n", Map.of("props", created, "type", type))
            .single()
            .get("n")
            .asNode();
        audit(tx, actor, action, id, null, created);
        return node;
    }

    /**
     * Adds {@code citation} to the entity {@code id} (locked, without a version check: a
     * source more never undoes an editor's work) as its next version; audited as
     * {@code action}. A victim group's quotes stay out of the full-text index.
     */
    public static void cite(TransactionContext tx, String actor, String action, String id, Citation citation) {
        Node node = lockEntity(tx, id);
        Map<String, Object> before = new LinkedHashMap<>(node.asMap());
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("citeDocs", appended(before.get("citeDocs"), citation.document()));
        after.put("citeQuotes", appended(before.get("citeQuotes"), citation.quote()));
        if (!node.hasLabel("Victim")) {
            Object quotes = before.get("quoteText");
            after.put("quoteText", (quotes == null ? "" : quotes + "\n") + citation.quote());
        }
        after.put("version", ((Number) before.getOrDefault("version", 1L)).longValue() + 1);
        write(tx, CurationTarget.entity(id), after, actor, action, before, after);
    }

    private static List<Object> appended(Object list, Object value) {
        List<Object> items = new ArrayList<>(list instanceof List<?> values ? values : List.of());
        items.add(value);
        return items;
    }

    /**
     * Creates the relationship, or replaces the facts of the one with its id while
     * keeping what editors decided about it (hidden fields, sensitive or retracted, its
     * version); audited as {@code action}. The ends must exist. Returns the relationship
     * as the API projects it.
     */
    public static Value link(TransactionContext tx, String actor, String action, RelationshipRecord record) {
        Map<String, Object> props = GraphWriter.relationshipProperties(record);
        Map<String, Object> keys = Map.of("from", record.from(), "to", record.to(), "type", record.type(), "id",
                record.id());
        Map<String, Object> existing = tx.run("""
                MATCH (:Entity {id: $from})-[r:$($type) {id: $id}]->(:Entity {id: $to}) RETURN properties(r) AS props
                """, keys).list((r) -> r.get("props").asMap()).stream().findFirst().orElse(null);
        Map<String, Object> after = GraphWriter.keepingEditorialState(props, existing);
        after.putIfAbsent("version", 1L);
        Map<String, Object> parameters = new HashMap<>(keys);
        parameters.put("props", after);
        parameters.put("visible", Visibility.ALL);
        Value relationship = tx.run("""
                MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
                MERGE (a)-[r:$($type) {id: $id}]->(b)
                SET r = $props
                RETURN %s AS r
                """.formatted(EntityRepository.RELATIONSHIP_PROJECTION), parameters).single().get("r");
        audit(tx, actor, action, record.id(), existing, after);
        return relationship;
    }

}
