package org.casegraph.trace;

import java.util.List;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.casegraph.access.Visibility;
import org.casegraph.entity.SelectedProperties;
import org.casegraph.graph.RelationshipTypes;
import org.casegraph.graph.Vocabulary;
import org.casegraph.support.InvalidArgumentException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import static org.casegraph.support.Arguments.within;

@Controller
class TraceController {

    static final int MAX_DEPTH = 3;

    static final int MAX_NEIGHBORHOOD = 500;

    static final int MAX_PATH_LENGTH = 6;

    static final int MAX_PATHS = 10;

    static final int MAX_COMMON_IDS = 10;

    private final TraceRepository trace;

    private final Vocabulary vocabulary;

    TraceController(TraceRepository trace, Vocabulary vocabulary) {
        this.trace = trace;
        this.vocabulary = vocabulary;
    }

    @QueryMapping
    Subgraph neighborhood(@Argument String id, @Argument Integer depth, @Argument List<String> relationshipTypes,
            @Argument Integer limit, @Argument List<String> excludeIds, GraphQLContext context,
            DataFetchingFieldSelectionSet selection) {
        int hops = within("depth", depth, 1, 1, MAX_DEPTH);
        int size = within("limit", limit, 100, 1, MAX_NEIGHBORHOOD);
        String types = RelationshipTypes.pattern(this.vocabulary, "relationshipTypes", relationshipTypes);
        if (excludeIds != null && excludeIds.contains(id)) {
            throw new InvalidArgumentException("excludeIds", "must not hold the id the neighbourhood is of");
        }
        Subgraph subgraph = this.trace.neighborhood(id, hops, types, size, excludeIds == null ? List.of() : excludeIds,
                Visibility.of(context), selection.contains("relationships"), SelectedProperties.of(selection, "nodes"));
        if (subgraph == null) {
            throw new InvalidArgumentException("id", "no entity has the id '" + id + "'");
        }
        return subgraph;
    }

    @QueryMapping
    Subgraph subgraph(@Argument List<String> ids, @Argument List<String> relationshipTypes, GraphQLContext context) {
        List<String> distinct = ids.stream().distinct().toList();
        if (distinct.size() > MAX_NEIGHBORHOOD) {
            throw new InvalidArgumentException("ids",
                    "must name at most " + MAX_NEIGHBORHOOD + " entities, not " + distinct.size());
        }
        String types = RelationshipTypes.pattern(this.vocabulary, "relationshipTypes", relationshipTypes);
        return this.trace.among(distinct, types, Visibility.of(context));
    }

    @QueryMapping
    List<Path> paths(@Argument String fromId, @Argument String toId, @Argument Integer maxLength,
            @Argument Integer first, @Argument List<String> relationshipTypes, @Argument List<String> excludeIds,
            @Argument List<String> excludeTypes, @Argument String validFrom, @Argument String validTo,
            GraphQLContext context) {
        if (fromId.equals(toId)) {
            throw new InvalidArgumentException("toId", "must differ from fromId");
        }
        if (excludeTypes != null) {
            for (String type : excludeTypes) {
                if (this.vocabulary.entityType(type) == null) {
                    throw new InvalidArgumentException("excludeTypes", "unknown type '" + type + "'; one of "
                            + this.vocabulary.entityTypeNames().stream().sorted().toList());
                }
            }
        }
        TraceRepository.PathQuery query = new TraceRepository.PathQuery(fromId, toId,
                within("maxLength", maxLength, 4, 1, MAX_PATH_LENGTH), within("first", first, 3, 1, MAX_PATHS),
                RelationshipTypes.pattern(this.vocabulary, "relationshipTypes", relationshipTypes),
                excludeIds == null ? List.of() : excludeIds, excludeTypes == null ? List.of() : excludeTypes, validFrom,
                validTo, Visibility.of(context));
        return this.trace.paths(query);
    }

    @QueryMapping
    List<CommonConnection> commonConnections(@Argument List<String> ids, @Argument Integer first,
            GraphQLContext context) {
        List<String> distinct = ids.stream().distinct().toList();
        if (distinct.size() < 2 || distinct.size() > MAX_COMMON_IDS) {
            throw new InvalidArgumentException("ids",
                    "must name between 2 and " + MAX_COMMON_IDS + " different entities");
        }
        return this.trace.commonConnections(distinct, within("first", first, 20, 1, 100), Visibility.of(context));
    }

}
