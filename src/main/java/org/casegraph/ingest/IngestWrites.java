package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.curation.CurationRepository;
import org.casegraph.graph.Graph;
import org.casegraph.graph.Vocabulary;
import org.casegraph.record.Citation;
import org.casegraph.record.EntityRecord;
import org.casegraph.record.EntityValidator;
import org.casegraph.record.GraphWriter;
import org.casegraph.record.Origin;
import org.casegraph.record.RelationshipRecord;
import org.casegraph.record.VictimGroupRule;

/**
 * Where ingest writes to the graph: a published ingestion's Document, its accepted
 * entities with their citations, and its MENTIONS links, validated like every other write
 * and audited, in one transaction, so that a refused write leaves the database as it was.
 * Every write goes through curation's door ({@link CurationRepository}), as an editor's
 * mutation does.
 */
final class IngestWrites {

    private static final Origin ORIGIN = new Origin("ingest", 0);

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
     * An accepted relationship proposal: its ends' entity ids, its type and its quote.
     */
    record Link(String from, String type, String to, String quote) {
    }

    private record NewNode(String id, String type, Map<String, Object> props) {
    }

    /**
     * Writes the Document and everything accepted; returns the ids of the entities it
     * mentions.
     */
    List<String> publish(String actor, String documentId, Map<String, Object> documentFields, String documentQuote,
            List<Accepted> accepted, List<Link> links) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> document = entity(documentId, "Document", documentFields,
                List.of(new Citation(documentId, documentQuote)), problems);
        List<NewNode> created = new ArrayList<>();
        for (Accepted fact : accepted) {
            if (fact.newEntity() != null) {
                Mention.NewEntity e = fact.newEntity();
                Map<String, Object> fields = new LinkedHashMap<>(e.fields() == null ? Map.of() : e.fields());
                fields.put("name", e.name());
                fields.put("summary", e.summary());
                created.add(new NewNode(e.id(), e.type(),
                        entity(e.id(), e.type(), fields, List.of(new Citation(documentId, fact.quote())), problems)));
            }
        }
        if (!problems.isEmpty()) {
            throw new IngestException(IngestException.Kind.INVALID, "Invalid input: " + String.join("; ", problems));
        }
        return this.graph.write((tx) -> {
            CurationRepository.createEntity(tx, actor, "publishIngestion", documentId, "Document", document);
            for (NewNode node : created) {
                CurationRepository.createEntity(tx, actor, "acceptMention", node.id(), node.type(), node.props());
            }
            List<String> mentioned = new ArrayList<>();
            for (Accepted fact : accepted) {
                String id = fact.newEntity() != null ? fact.newEntity().id() : fact.entityId();
                Citation citation = new Citation(documentId, fact.quote());
                if (fact.newEntity() == null) {
                    CurationRepository.cite(tx, actor, "acceptMention", id, citation);
                }
                CurationRepository.link(tx, actor, "acceptMention",
                        new RelationshipRecord(documentId + "|MENTIONS|" + id, "MENTIONS", documentId, id, Map.of(),
                                List.of(citation), ORIGIN));
                mentioned.add(id);
            }
            for (Link link : links) {
                CurationRepository.link(tx, actor, "acceptRelationship",
                        new RelationshipRecord(link.from() + "|" + link.type() + "|" + link.to(), link.type(),
                                link.from(), link.to(), Map.of(), List.of(new Citation(documentId, link.quote())),
                                ORIGIN));
            }
            CurationRepository.requireVictimGroupRule(tx, mentioned);
            return mentioned;
        });
    }

    /**
     * The node properties of a new entity, validated like every other write; problems are
     * added to {@code problems}.
     */
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
        return GraphWriter.nodeProperties(new EntityRecord(id, type, properties, citations, ORIGIN));
    }

}
