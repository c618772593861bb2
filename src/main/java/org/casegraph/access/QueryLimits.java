package org.casegraph.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.IntValue;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.validation.ValidationError;
import org.casegraph.support.RecentlyUsed;
import org.springframework.graphql.execution.ErrorType;

/**
 * Rejects a request before it runs when it is too deep, selects too many fields (aliases
 * included), or would cost more than the budget. The cost of a field is one plus the cost
 * of what it selects, times the number of items it may return: its {@code first} or
 * {@code limit}, or a fixed guess for lists without one.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    /**
     * Lists without a page-size argument, and how many items each is expected to hold at
     * most.
     */
    static final int UNPAGED_LIST = 10;

    private static final Set<String> PAGE_ARGUMENTS = Set.of("first", "limit");

    /**
     * The variable types that can set a page size or decide a field's {@code @include} or
     * {@code @skip}.
     */
    private static final Set<String> SHAPING_TYPES = Set.of("Int", "Boolean");

    /**
     * How many sets of shaping values are remembered for one operation; an app sends a
     * few page sizes.
     */
    private static final int SHAPES_PER_OPERATION = 64;

    /**
     * Stands in the cache key for a variable the request did not send (which differs from
     * one sent as null).
     */
    private static final Object ABSENT = new Object();

    /**
     * Shapes by operation, then by the values of its shaping variables. An operation is
     * held weakly: it lives as long as the parsed document it belongs to, which the
     * document cache decides, and its shapes go with it.
     */
    private final Map<OperationDefinition, Map<List<Object>, Shape>> shapes = Collections
        .synchronizedMap(new WeakHashMap<>());

    private final LimitsProperties limits;

    private final RateLimiter rateLimiter;

    QueryLimits(LimitsProperties limits) {
        this.limits = limits;
        this.rateLimiter = limits.costPerMinute() > 0 ? new RateLimiter(limits.costPerMinute()) : null;
    }

    /**
     * Before validation, which would report every unknown directive as an error of its
     * own: too many aliases or directives are refused with one error.
     */
    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        DocumentShape shape = DocumentShape.of(parameters.getDocument());
        check(shape.aliases() > this.limits.maxAliases(),
                "the query has " + shape.aliases() + " aliases; at most " + this.limits.maxAliases() + " are allowed");
        check(shape.mostDirectives() > this.limits.maxDirectivesPerField(), "a field carries " + shape.mostDirectives()
                + " directives; at most " + this.limits.maxDirectivesPerField() + " are allowed on one field");
        return super.beginValidation(parameters, state);
    }

    /**
     * A response lists at most {@code maxErrors} errors; one last error says how many
     * more there were.
     */
    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        List<GraphQLError> errors = result.getErrors();
        int max = this.limits.maxErrors();
        if (errors.size() <= max) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> kept = new ArrayList<>(errors.subList(0, Math.max(0, max - 1)));
        kept.add(GraphqlErrorBuilder.newError()
            .errorType(ErrorType.BAD_REQUEST)
            .message((errors.size() - kept.size()) + " more errors left out; a response lists at most " + max)
            .extensions(Map.of("code", "TOO_MANY_ERRORS"))
            .build());
        return CompletableFuture.completedFuture(result.transform((builder) -> builder.errors(kept)));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Shape shape = shapeOf(context);
        check(shape.depth() > this.limits.maxDepth(),
                "the query is " + shape.depth() + " levels deep; at most " + this.limits.maxDepth() + " are allowed");
        check(shape.fields() > this.limits.maxFields(), "the query selects " + shape.fields()
                + " fields (aliases count); at most " + this.limits.maxFields() + " are allowed");
        check(shape.cost() > this.limits.maxCost(),
                "the query could cost " + shape.cost() + " (each field times the page sizes "
                        + "of the lists around it); the budget is " + this.limits.maxCost()
                        + ": ask for smaller pages or fewer nested lists");
        chargeRateLimit(Caller.of(context.getGraphQLContext()).actor(), Math.max(1, shape.cost()));
        return super.beginExecuteOperation(parameters, state);
    }

    /**
     * The fields, depth and cost of the operation about to run. Apps send the same few
     * documents with new variables, so the walk is remembered by operation and by the
     * values of its {@code Int} and {@code Boolean} variables: only those can set a page
     * size or decide an {@code @include} or {@code @skip} (GraphQL's validation refuses
     * any other variable in those places), so an entity id or a search text does not
     * count. Operations are told apart by identity: the document cache hands out the same
     * one for the same text.
     */
    private Shape shapeOf(ExecutionContext context) {
        OperationDefinition operation = context.getOperationDefinition();
        Map<String, Object> variables = context.getCoercedVariables().toMap();
        List<Object> values = new ArrayList<>();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            Type<?> type = variable.getType() instanceof NonNullType nonNull ? nonNull.getType() : variable.getType();
            if (type instanceof TypeName name && SHAPING_TYPES.contains(name.getName())) {
                values.add(variables.containsKey(variable.getName()) ? variables.get(variable.getName()) : ABSENT);
            }
        }
        Map<List<Object>, Shape> byValues = this.shapes.computeIfAbsent(operation,
                (key) -> RecentlyUsed.map(SHAPES_PER_OPERATION));
        Shape shape = byValues.get(values);
        if (shape == null) {
            shape = walk(context);
            byValues.put(values, shape);
        }
        return shape;
    }

    private static Shape walk(ExecutionContext context) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
            .schema(context.getGraphQLSchema())
            .document(context.getDocument())
            .operationName(context.getExecutionInput().getOperationName())
            .coercedVariables(context.getCoercedVariables())
            .build();
        Map<QueryVisitorFieldEnvironment, Long> childCost = new HashMap<>();
        long[] totals = new long[3];
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment field) {
                totals[0]++;
                totals[1] = Math.max(totals[1], depth(field));
                long cost = Math.min(Long.MAX_VALUE / 1000,
                        (1 + childCost.getOrDefault(field, 0L)) * multiplier(field));
                QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
                if (parent == null) {
                    totals[2] = Math.min(Long.MAX_VALUE / 1000, totals[2] + cost);
                }
                else {
                    childCost.merge(parent, cost, (a, b) -> Math.min(Long.MAX_VALUE / 1000, a + b));
                }
            }
        });
        return new Shape(totals[0], totals[1], totals[2]);
    }

    private record Shape(long fields, long depth, long cost) {
    }

    private void chargeRateLimit(String caller, long cost) {
        if (this.rateLimiter == null || caller == null) {
            return;
        }
        RateLimiter.Decision decision = this.rateLimiter.charge(caller, cost);
        if (!decision.allowed()) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message("Rate limit exceeded: this request costs " + cost + " and your budget is "
                        + this.limits.costPerMinute() + " a minute; retry after " + decision.retryAfterSeconds() + " s")
                .extensions(Map.of("code", "RATE_LIMITED", "retryAfter", decision.retryAfterSeconds()))
                .build()));
        }
    }

    private static int depth(QueryVisitorFieldEnvironment field) {
        int depth = 0;
        for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
            depth++;
        }
        return depth;
    }

    /**
     * How many items a list field may return: its own page size, or that of the field
     * around it when that is a connection or a subgraph ({@code search(first:)} pages its
     * {@code edges}, {@code neighborhood(limit:)} bounds its {@code nodes}), or
     * {@link #UNPAGED_LIST}.
     */
    private static long multiplier(QueryVisitorFieldEnvironment field) {
        if (!isList(field.getFieldDefinition().getType())) {
            return 1;
        }
        Long own = pageSize(field);
        if (own != null) {
            return own;
        }
        QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
        if (parent != null && !isList(parent.getFieldDefinition().getType())) {
            Long enclosing = pageSize(parent);
            if (enclosing != null) {
                return enclosing;
            }
        }
        return UNPAGED_LIST;
    }

    /**
     * A field's {@code first} or {@code limit}. Sent as null, it is the argument's
     * default, as the resolvers read it: {@code relationships(first: null)} returns 50
     * relationships, not none.
     */
    private static Long pageSize(QueryVisitorFieldEnvironment field) {
        for (GraphQLArgument argument : field.getFieldDefinition().getArguments()) {
            if (!PAGE_ARGUMENTS.contains(argument.getName())) {
                continue;
            }
            Object value = field.getArguments().get(argument.getName());
            if (value == null && argument.hasSetDefaultValue()) {
                value = argument.getArgumentDefaultValue().getValue();
                value = value instanceof IntValue literal ? literal.getValue() : value;
            }
            if (value instanceof Number size) {
                return Math.max(1, size.longValue());
            }
        }
        return null;
    }

    private static boolean isList(GraphQLOutputType type) {
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        return unwrapped instanceof GraphQLList;
    }

    private static void check(boolean exceeded, String message) {
        if (exceeded) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message("Query rejected: " + message)
                .extensions(Map.of("code", "QUERY_LIMIT"))
                .build()));
        }
    }

}
