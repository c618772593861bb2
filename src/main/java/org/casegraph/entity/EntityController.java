package org.casegraph.entity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.casegraph.entity.EntityRepository.RelationshipQuery;
import org.casegraph.support.InvalidArgumentException;
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
            .registerMappedBatchLoader((queries, environment) -> Mono.fromCallable(() -> fill(queries)));
    }

    @QueryMapping
    Entity node(@Argument String id) {
        return this.entities.findById(id).orElse(null);
    }

    @QueryMapping
    Entity entity(@Argument String id) {
        return this.entities.findById(id).orElse(null);
    }

    @SchemaMapping(typeName = "Entity")
    CompletableFuture<List<Relationship>> relationships(Entity entity, @Argument List<String> types,
            @Argument String direction, @Argument Integer first, DataLoader<RelationshipQuery, List<Relationship>> relationships) {
        int limit = first == null ? 50 : first;
        if (limit < 0 || limit > MAX_RELATIONSHIPS) {
            throw new InvalidArgumentException("first", "must be between 0 and " + MAX_RELATIONSHIPS + ", not " + limit);
        }
        return relationships.load(new RelationshipQuery(entity.id(), types, direction == null ? "BOTH" : direction, limit));
    }

    @BatchMapping
    Map<Citation, Document> document(List<Citation> citations) {
        Map<String, Entity> documents = this.entities
            .findAllById(citations.stream().map(Citation::documentId).collect(Collectors.toSet()));
        Map<Citation, Document> result = new LinkedHashMap<>();
        for (Citation citation : citations) {
            if (documents.get(citation.documentId()) instanceof Document document) {
                result.put(citation, document);
            }
        }
        return result;
    }

    @BatchMapping
    Map<Relationship, Entity> from(List<Relationship> relationships) {
        return ends(relationships, Relationship::fromId);
    }

    @BatchMapping
    Map<Relationship, Entity> to(List<Relationship> relationships) {
        return ends(relationships, Relationship::toId);
    }

    private Map<Relationship, Entity> ends(List<Relationship> relationships,
            java.util.function.Function<Relationship, String> end) {
        Map<String, Entity> byId = this.entities.findAllById(relationships.stream().map(end).collect(Collectors.toSet()));
        Map<Relationship, Entity> result = new LinkedHashMap<>();
        relationships.forEach((relationship) -> result.put(relationship, byId.get(end.apply(relationship))));
        return result;
    }

    private Map<RelationshipQuery, List<Relationship>> fill(Set<RelationshipQuery> queries) {
        Map<RelationshipQuery, List<Relationship>> found = this.entities.relationships(queries);
        Map<RelationshipQuery, List<Relationship>> result = new LinkedHashMap<>();
        for (RelationshipQuery query : queries) {
            result.put(query, found.getOrDefault(query, List.of()));
        }
        return result;
    }

    static Collection<String> ids(Collection<? extends Entity> entities) {
        return entities.stream().map(Entity::id).toList();
    }

}
