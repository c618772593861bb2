package org.casegraph.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.casegraph.access.Visibility;
import org.casegraph.entity.EntityRepository.LegalStatusQuery;
import org.casegraph.entity.EntityRepository.RelationshipQuery;
import org.casegraph.support.Arguments;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class EntityController {

    static final int MAX_RELATIONSHIPS = 100;

    private final EntityRepository entities;

    EntityController(EntityRepository entities, BatchLoaderRegistry batchLoaders) {
        this.entities = entities;
        batchLoaders.<RelationshipQuery, List<Relationship>>forName("relationships")
            .registerMappedBatchLoader((queries, environment) -> Mono
                .fromCallable(() -> entities.relationships(queries, Visibility.of(environment.getContext()))));
        batchLoaders.<LegalStatusQuery, List<LegalStatus>>forName("legalStatus")
            .registerMappedBatchLoader((queries, environment) -> Mono
                .fromCallable(() -> entities.legalStatus(queries, Visibility.of(environment.getContext()))));
    }

    @QueryMapping
    Entity node(@Argument String id, GraphQLContext context) {
        return this.entities.findById(id, Visibility.of(context)).orElse(null);
    }

    @QueryMapping
    Entity entity(@Argument String id, GraphQLContext context) {
        return this.entities.findById(id, Visibility.of(context)).orElse(null);
    }

    @SchemaMapping(typeName = "Entity")
    CompletableFuture<List<Relationship>> relationships(Entity entity, @Argument List<String> types,
            @Argument String direction, @Argument String asOf, @Argument Integer first,
            DataLoader<RelationshipQuery, List<Relationship>> relationships) {
        int limit = Arguments.within("first", first, 50, 0, MAX_RELATIONSHIPS);
        return relationships
            .load(new RelationshipQuery(entity.id(), types, direction == null ? "BOTH" : direction, asOf, limit));
    }

    @SchemaMapping
    CompletableFuture<List<LegalStatus>> legalStatus(Person person, @Argument String asOf, @Argument String caseId,
            DataLoader<LegalStatusQuery, List<LegalStatus>> legalStatus) {
        return legalStatus.load(new LegalStatusQuery(person.id(), asOf, caseId));
    }

    @BatchMapping(typeName = "LegalStatus", field = "case")
    Map<LegalStatus, Case> legalCase(List<LegalStatus> statuses, GraphQLContext context) {
        Map<String, Entity> cases = this.entities.findAllById(
                statuses.stream().map(LegalStatus::caseId).collect(Collectors.toSet()), Visibility.of(context));
        Map<LegalStatus, Case> result = new LinkedHashMap<>();
        statuses.forEach((status) -> result.put(status, (Case) cases.get(status.caseId())));
        return result;
    }

    @BatchMapping
    Map<Citation, Document> document(List<Citation> citations, GraphQLContext context) {
        Map<String, Entity> documents = this.entities.findAllById(
                citations.stream().map(Citation::documentId).collect(Collectors.toSet()), Visibility.of(context));
        Map<Citation, Document> result = new LinkedHashMap<>();
        for (Citation citation : citations) {
            if (documents.get(citation.documentId()) instanceof Document document) {
                result.put(citation, document);
            }
        }
        return result;
    }

    @BatchMapping
    Map<Relationship, Entity> from(List<Relationship> relationships, GraphQLContext context) {
        return ends(relationships, Relationship::fromId, context);
    }

    @BatchMapping
    Map<Relationship, Entity> to(List<Relationship> relationships, GraphQLContext context) {
        return ends(relationships, Relationship::toId, context);
    }

    private Map<Relationship, Entity> ends(List<Relationship> relationships, Function<Relationship, String> end,
            GraphQLContext context) {
        Map<String, Entity> byId = this.entities
            .findAllById(relationships.stream().map(end).collect(Collectors.toSet()), Visibility.of(context));
        Map<Relationship, Entity> result = new LinkedHashMap<>();
        relationships.forEach((relationship) -> result.put(relationship, byId.get(end.apply(relationship))));
        return result;
    }

}
