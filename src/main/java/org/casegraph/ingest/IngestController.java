package org.casegraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.casegraph.access.Caller;
import org.casegraph.access.Permission;
import org.casegraph.access.Visibility;
import org.casegraph.curation.EntityMerges.MergePayload;
import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityRepository;
import org.casegraph.support.Cursors;
import org.casegraph.support.PageInfo;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The review queue over GraphQL: every field here is for editors only. */
@Controller
class IngestController {

    private static final int MAX_PAGE = 100;

    private final IngestService ingest;

    private final EntityRepository entities;

    private final MergeQueue merges;

    IngestController(IngestService ingest, EntityRepository entities, MergeQueue merges) {
        this.ingest = ingest;
        this.entities = entities;
        this.merges = merges;
    }

    /**
     * A Relay edge of an in-memory list (mentions of an ingestion, staged ingestions).
     */
    record ListEdge<T>(String cursor, T node) {
    }

    /** A Relay connection over a page of an in-memory list. */
    record ListConnection<T>(List<ListEdge<T>> edges, PageInfo pageInfo, int totalCount) {

        static <T> ListConnection<T> of(String kind, List<T> all, Integer first, int fallback, String after) {
            int size = Cursors.pageSize(first, fallback, MAX_PAGE);
            int from = Math.min(Cursors.offsetAfter(kind, after), all.size());
            int to = Math.min(from + size, all.size());
            List<ListEdge<T>> edges = new ArrayList<>();
            for (int i = from; i < to; i++) {
                edges.add(new ListEdge<>(Cursors.encode(kind, i), all.get(i)));
            }
            return new ListConnection<>(edges,
                    new PageInfo(to < all.size(), from > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
                            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                    all.size());
        }

    }

    /** An ingestion after a decision, and its version to send with the next one. */
    record IngestionPayload(Ingestion ingestion) {

        public int version() {
            return this.ingestion.version();
        }

    }

    record PublishIngestionPayload(Entity document, List<Entity> mentioned) {
    }

    record NewEntityInput(String id, String type, String name, String summary, Map<String, Object> fields) {
    }

    record AcceptMentionInput(String mentionId, String entityId, NewEntityInput newEntity, Integer expectedVersion) {
    }

    record RejectMentionInput(String mentionId, Integer expectedVersion) {
    }

    record AcceptRelationshipInput(String proposalId, String type, Boolean reverse, Integer expectedVersion) {
    }

    record RejectRelationshipInput(String proposalId, Integer expectedVersion) {
    }

    record CorrectMentionInput(String mentionId, String type, Integer start, Integer end, Integer expectedVersion) {
    }

    /** Accepting or rejecting a merge proposal: which one. */
    record MergeProposalInput(String id) {
    }

    record RejectMergeProposalPayload(MergeProposal proposal) {
    }

    record MarkVictimInput(String mentionId, Boolean victim, Integer expectedVersion) {
    }

    @QueryMapping
    Ingestion ingestion(@Argument String id, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        return this.ingest.find(id).orElse(null);
    }

    @QueryMapping
    ListConnection<Ingestion> ingestions(@Argument Integer first, @Argument String after, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        return ListConnection.of("ingestions", this.ingest.list(), first, 20, after);
    }

    @SchemaMapping
    ListConnection<Mention> mentions(Ingestion ingestion, @Argument Integer first, @Argument String after) {
        return ListConnection.of("mentions", ingestion.mentions(), first, MAX_PAGE, after);
    }

    /** One query for the linked entities of all the mentions asked for. */
    @BatchMapping
    Map<Mention, Entity> entity(List<Mention> mentions) {
        Map<String, Entity> byId = this.entities.findAllById(
                mentions.stream().map(Mention::entityId).filter((id) -> id != null).distinct().toList(),
                Visibility.ALL);
        Map<Mention, Entity> result = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            result.put(mention, mention.entityId() == null ? null : byId.get(mention.entityId()));
        }
        return result;
    }

    @MutationMapping
    IngestionPayload acceptMention(@Argument AcceptMentionInput input, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        NewEntityInput n = input.newEntity();
        Ingestion updated = this.ingest.accept(input.mentionId(), input.entityId(),
                n == null ? null : new Mention.NewEntity(n.id(), n.type(), n.name(), n.summary(), n.fields()),
                input.expectedVersion());
        return new IngestionPayload(updated);
    }

    @MutationMapping
    IngestionPayload rejectMention(@Argument RejectMentionInput input, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        Ingestion updated = this.ingest.reject(input.mentionId(), input.expectedVersion());
        return new IngestionPayload(updated);
    }

    @SchemaMapping
    List<RelationshipProposal> relationships(Ingestion ingestion) {
        return ingestion.relationships();
    }

    /** The types each proposal allows, from one query for all their entities' types. */
    @BatchMapping
    Map<RelationshipProposal, List<String>> allowedTypes(List<RelationshipProposal> proposals) {
        return allowed(proposals, false);
    }

    @BatchMapping
    Map<RelationshipProposal, List<String>> allowedReverseTypes(List<RelationshipProposal> proposals) {
        return allowed(proposals, true);
    }

    private Map<RelationshipProposal, List<String>> allowed(List<RelationshipProposal> proposals, boolean reverse) {
        Map<Mention, String> types = this.ingest
            .typesOf(proposals.stream().flatMap((p) -> Stream.of(p.from(), p.to())).toList());
        Map<RelationshipProposal, List<String>> result = new LinkedHashMap<>();
        for (RelationshipProposal proposal : proposals) {
            String from = types.get(reverse ? proposal.to() : proposal.from());
            String to = types.get(reverse ? proposal.from() : proposal.to());
            result.put(proposal, (from == null || to == null) ? List.of() : this.ingest.allowedTypes(from, to));
        }
        return result;
    }

    @MutationMapping
    IngestionPayload acceptRelationship(@Argument AcceptRelationshipInput input, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        Ingestion updated = this.ingest.acceptRelationship(input.proposalId(), input.type(),
                Boolean.TRUE.equals(input.reverse()), input.expectedVersion());
        return new IngestionPayload(updated);
    }

    @MutationMapping
    IngestionPayload rejectRelationship(@Argument RejectRelationshipInput input, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        Ingestion updated = this.ingest.rejectRelationship(input.proposalId(), input.expectedVersion());
        return new IngestionPayload(updated);
    }

    @MutationMapping
    IngestionPayload correctMention(@Argument CorrectMentionInput input, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        Ingestion updated = this.ingest.correctMention(input.mentionId(), input.type(), input.start(), input.end(),
                input.expectedVersion());
        return new IngestionPayload(updated);
    }

    @MutationMapping
    IngestionPayload markVictim(@Argument MarkVictimInput input, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        Ingestion updated = this.ingest.markVictim(input.mentionId(), Boolean.TRUE.equals(input.victim()),
                input.expectedVersion());
        return new IngestionPayload(updated);
    }

    @MutationMapping
    PublishIngestionPayload publishIngestion(@Argument String id, @Argument Integer expectedVersion, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        IngestService.Published published = this.ingest.publish(id, expectedVersion, caller.actor());
        List<String> ids = new ArrayList<>(published.mentioned());
        ids.add(published.documentId());
        Map<String, Entity> byId = this.entities.findAllById(ids, Visibility.ALL);
        return new PublishIngestionPayload(byId.get(published.documentId()),
                published.mentioned().stream().distinct().map(byId::get).filter((e) -> e != null).toList());
    }

    @MutationMapping
    boolean rejectIngestion(@Argument String id, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        this.ingest.discard(id);
        return true;
    }

    @QueryMapping
    ListConnection<MergeProposal> mergeProposals(@Argument Integer first, @Argument String after, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        return ListConnection.of("mergeProposals", this.merges.list(), first, 20, after);
    }

    @MutationMapping
    MergePayload acceptMergeProposal(@Argument MergeProposalInput input, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        return this.merges.accept(input.id(), caller);
    }

    @MutationMapping
    RejectMergeProposalPayload rejectMergeProposal(@Argument MergeProposalInput input, Caller caller) {
        caller.require(Permission.REVIEW_INGESTIONS);
        return new RejectMergeProposalPayload(this.merges.reject(input.id()));
    }

}
