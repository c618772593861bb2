package org.casegraph.entity;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.casegraph.entity.EntityRepository.LinkQuery;
import org.casegraph.entity.EntityRepository.RelationshipQuery;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The typed fields an investigator asks for by name (a document's signatories, a case's parties), each a view
 * over the generic relationships, loaded in batches like them.
 */
@Controller
class TypedFieldsController {

    private static final int ALL = 100;

    private static final List<String> AFFILIATIONS = List.of("WORKS_FOR", "MEMBER_OF", "HOLDS_OFFICE");

    TypedFieldsController(EntityRepository entities, BatchLoaderRegistry batchLoaders) {
        batchLoaders.<LinkQuery, List<Entity>>forName("linked")
            .registerMappedBatchLoader((queries, environment) -> Mono.fromCallable(() -> EntityController.fill(queries, entities::linked)));
    }

    @SchemaMapping
    CompletableFuture<List<Relationship>> affiliations(Person person, @Argument String asOf,
            DataLoader<RelationshipQuery, List<Relationship>> relationships) {
        return relationships.load(new RelationshipQuery(person.id(), AFFILIATIONS, "OUTGOING", asOf, ALL));
    }

    @SchemaMapping
    CompletableFuture<List<Relationship>> members(Organization organization, @Argument String asOf,
            DataLoader<RelationshipQuery, List<Relationship>> relationships) {
        return relationships.load(new RelationshipQuery(organization.id(), AFFILIATIONS, "INCOMING", asOf, ALL));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> parents(Organization organization, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(organization.id(), List.of("PART_OF"), "OUTGOING"))
            .thenApply((entities) -> entities.stream().filter(Organization.class::isInstance).toList());
    }

    @SchemaMapping
    CompletableFuture<List<Relationship>> parties(Case legalCase,
            DataLoader<RelationshipQuery, List<Relationship>> relationships) {
        return relationships.load(new RelationshipQuery(legalCase.id(),
                List.of("DEFENDANT_IN", "VICTIM_IN", "INVESTIGATED", "PROSECUTED", "ASSISTED"), "INCOMING", null, ALL));
    }

    @SchemaMapping(typeName = "Case")
    CompletableFuture<List<Entity>> events(Case legalCase, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(legalCase.id(), List.of("PART_OF", "OCCURRED_IN", "ABOUT", "RESULTED_IN"), "INCOMING"))
            .thenApply((entities) -> entities.stream().filter(Event.class::isInstance).toList());
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> authors(Document document, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(document.id(), List.of("AUTHORED"), "INCOMING"));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> signatories(Document document, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(document.id(), List.of("SIGNED"), "INCOMING"));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> recipients(Document document, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(document.id(), List.of("ADDRESSED_TO"), "OUTGOING"));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> publishers(Document document, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(document.id(), List.of("PUBLISHED"), "INCOMING"));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> respondsTo(Document document, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(document.id(), List.of("RESPONDS_TO"), "OUTGOING"));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> responses(Document document, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(document.id(), List.of("RESPONDS_TO"), "INCOMING"));
    }

    @SchemaMapping
    CompletableFuture<List<Relationship>> participants(Event event,
            DataLoader<RelationshipQuery, List<Relationship>> relationships) {
        return relationships.load(new RelationshipQuery(event.id(), List.of("PARTICIPATED_IN", "SUBJECT_OF"), "INCOMING", null, ALL));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> places(Event event, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(event.id(), List.of("OCCURRED_IN"), "OUTGOING"));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> cases(Event event, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(event.id(), List.of("PART_OF"), "OUTGOING"))
            .thenApply((entities) -> entities.stream().filter(Case.class::isInstance).toList());
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> assertedBy(Claim claim, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(claim.id(), List.of("ASSERTS"), "INCOMING"));
    }

    @SchemaMapping
    CompletableFuture<List<Entity>> disputedBy(Claim claim, DataLoader<LinkQuery, List<Entity>> linked) {
        return linked.load(new LinkQuery(claim.id(), List.of("DISPUTES"), "INCOMING"));
    }

}
