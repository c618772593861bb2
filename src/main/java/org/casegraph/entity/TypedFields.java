package org.casegraph.entity;

import java.util.List;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.casegraph.access.Visibility;
import org.casegraph.entity.EntityRepository.LinkQuery;
import org.casegraph.entity.EntityRepository.RelationshipQuery;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import reactor.core.publisher.Mono;

/**
 * The typed fields an investigator asks for by name (a document's signatories, a case's
 * parties): each is a view over the sourced relationships, declared in one table and
 * loaded in batches like them.
 */
@Configuration(proxyBeanMethods = false)
class TypedFields {

    private static final int ALL = 100;

    private static final List<String> AFFILIATIONS = List.of("WORKS_FOR", "MEMBER_OF", "HOLDS_OFFICE");

    /**
     * A field listing the relationships of some types, in one direction; {@code asOf} is
     * honoured when given.
     */
    private record RelationshipField(String type, String field, List<String> types, String direction) {
    }

    /**
     * A field listing the entities linked by some types in one direction, kept only if of
     * class {@code only}.
     */
    private record LinkField(String type, String field, List<String> types, String direction,
            Class<? extends Entity> only) {
    }

    private static final List<RelationshipField> RELATIONSHIP_FIELDS = List.of(
            new RelationshipField("Person", "affiliations", AFFILIATIONS, "OUTGOING"),
            new RelationshipField("Organization", "members", AFFILIATIONS, "INCOMING"),
            new RelationshipField("Case", "parties",
                    List.of("DEFENDANT_IN", "VICTIM_IN", "INVESTIGATED", "PROSECUTED", "ASSISTED"), "INCOMING"),
            new RelationshipField("Event", "participants", List.of("PARTICIPATED_IN", "SUBJECT_OF"), "INCOMING"));

    private static final List<LinkField> LINK_FIELDS = List.of(
            new LinkField("Organization", "parents", List.of("PART_OF"), "OUTGOING", Organization.class),
            new LinkField("Case", "events", List.of("PART_OF", "ABOUT", "RESULTED_IN"), "INCOMING", Event.class),
            new LinkField("Document", "authors", List.of("AUTHORED"), "INCOMING", Entity.class),
            new LinkField("Document", "signatories", List.of("SIGNED"), "INCOMING", Entity.class),
            new LinkField("Document", "recipients", List.of("ADDRESSED_TO"), "OUTGOING", Entity.class),
            new LinkField("Document", "publishers", List.of("PUBLISHED"), "INCOMING", Entity.class),
            new LinkField("Document", "respondsTo", List.of("RESPONDS_TO"), "OUTGOING", Entity.class),
            new LinkField("Document", "responses", List.of("RESPONDS_TO"), "INCOMING", Entity.class),
            new LinkField("Event", "places", List.of("OCCURRED_IN"), "OUTGOING", Place.class),
            new LinkField("Event", "cases", List.of("PART_OF"), "OUTGOING", Case.class),
            new LinkField("Claim", "assertedBy", List.of("ASSERTS"), "INCOMING", Entity.class),
            new LinkField("Claim", "disputedBy", List.of("DISPUTES"), "INCOMING", Entity.class));

    TypedFields(EntityRepository entities, BatchLoaderRegistry batchLoaders) {
        batchLoaders.<LinkQuery, List<Entity>>forName("linked")
            .registerMappedBatchLoader((queries, environment) -> Mono
                .fromCallable(() -> entities.linked(queries, Visibility.of(environment.getContext()))));
    }

    @Bean
    RuntimeWiringConfigurer typedFieldWiring() {
        return (wiring) -> {
            RELATIONSHIP_FIELDS.forEach((spec) -> wire(wiring, spec.type(), spec.field(), relationships(spec)));
            LINK_FIELDS.forEach((spec) -> wire(wiring, spec.type(), spec.field(), linked(spec)));
        };
    }

    private static void wire(RuntimeWiring.Builder wiring, String type, String field, DataFetcher<?> fetcher) {
        wiring.type(type, (builder) -> builder.dataFetcher(field, fetcher));
    }

    private static DataFetcher<?> relationships(RelationshipField spec) {
        return (environment) -> {
            DataLoader<RelationshipQuery, List<Relationship>> loader = environment.getDataLoader("relationships");
            Entity entity = environment.getSource();
            return loader.load(new RelationshipQuery(entity.id(), spec.types(), spec.direction(),
                    environment.getArgument("asOf"), ALL));
        };
    }

    private static DataFetcher<?> linked(LinkField spec) {
        return (environment) -> {
            DataLoader<LinkQuery, List<Entity>> loader = environment.getDataLoader("linked");
            Entity entity = environment.getSource();
            return loader.load(new LinkQuery(entity.id(), spec.types(), spec.direction()))
                .thenApply((found) -> found.stream().filter(spec.only()::isInstance).toList());
        };
    }

}
