package org.casegraph.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
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
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import org.springframework.graphql.execution.ErrorType;

/**
 * Rejects a request before it runs when it is too deep, selects too many fields (aliases included), or would
 * cost more than the budget. The cost of a field is one plus the cost of what it selects, times the number of
 * items it may return: its {@code first} or {@code limit}, or a fixed guess for lists without one.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    /** Lists without a page-size argument, and how many items each is expected to hold at most. */
    static final int UNPAGED_LIST = 10;

    private static final Set<String> PAGE_ARGUMENTS = Set.of("first", "limit");

    private final LimitsProperties limits;

    private final RateLimiter rateLimiter;

    QueryLimits(LimitsProperties limits) {
        this.limits = limits;
        this.rateLimiter = limits.costPerMinute() > 0 ? new RateLimiter(limits.costPerMinute()) : null;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
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
                long cost = Math.min(Long.MAX_VALUE / 1000, (1 + childCost.getOrDefault(field, 0L)) * multiplier(field));
                QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
                if (parent == null) {
                    totals[2] = Math.min(Long.MAX_VALUE / 1000, totals[2] + cost);
                }
                else {
                    childCost.merge(parent, cost, (a, b) -> Math.min(Long.MAX_VALUE / 1000, a + b));
                }
            }
        });
        check(totals[1] > this.limits.maxDepth(), "the query is " + totals[1] + " levels deep; at most "
                + this.limits.maxDepth() + " are allowed");
        check(totals[0] > this.limits.maxFields(), "the query selects " + totals[0] + " fields (aliases count); at most "
                + this.limits.maxFields() + " are allowed");
        check(totals[2] > this.limits.maxCost(), "the query could cost " + totals[2] + " (each field times the page sizes "
                + "of the lists around it); the budget is " + this.limits.maxCost() + ": ask for smaller pages or fewer nested lists");
        chargeRateLimit(context.getGraphQLContext().get(Role.ACTOR_KEY), Math.max(1, totals[2]));
        return super.beginExecuteOperation(parameters, state);
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
     * How many items a list field may return: its own page size, or that of the field around it when that is a
     * connection or a subgraph ({@code search(first:)} pages its {@code edges}, {@code neighborhood(limit:)}
     * bounds its {@code nodes}), or {@link #UNPAGED_LIST}.
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

    private static Long pageSize(QueryVisitorFieldEnvironment field) {
        for (Map.Entry<String, Object> argument : field.getArguments().entrySet()) {
            if (PAGE_ARGUMENTS.contains(argument.getKey()) && argument.getValue() instanceof Number size) {
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
