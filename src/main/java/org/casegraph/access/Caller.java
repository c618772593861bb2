package org.casegraph.access;

import graphql.GraphQLContext;

/**
 * Who is calling: a role and the name the audit trail records. Resolved once per request
 * ({@link CallerResolver}) and carried in the GraphQL context; handlers take it as a
 * parameter ({@link CallerArgumentResolver}) and check it with {@link #require}.
 */
public record Caller(Role role, String actor) {

    /** The GraphQL context key under which the caller travels. */
    public static final String CONTEXT_KEY = "casegraph.caller";

    /**
     * The caller of a request that resolved none (a test calling a handler directly):
     * public and anonymous.
     */
    public static final Caller ANONYMOUS = new Caller(Role.PUBLIC, "anonymous");

    /** The caller of the request whose context this is. */
    public static Caller of(GraphQLContext context) {
        Caller caller = context == null ? null : context.get(CONTEXT_KEY);
        return caller == null ? ANONYMOUS : caller;
    }

    public boolean may(Permission permission) {
        return permission.grantedTo(this.role);
    }

    /**
     * @throws Forbidden with the permission's message when the caller lacks it
     */
    public void require(Permission permission) {
        if (!may(permission)) {
            throw new Forbidden(permission.refusal());
        }
    }

    /**
     * A request refused for want of a permission; answered as a {@code FORBIDDEN} error
     * with its message.
     */
    public static final class Forbidden extends RuntimeException {

        Forbidden(String message) {
            super(message);
        }

    }

}
