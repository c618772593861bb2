package org.casegraph.access;

import java.util.List;

import graphql.GraphQLContext;

/**
 * What each role may see, enforced inside every read query (as a predicate on each node it returns or passes
 * through), never only in controllers: an entity marked {@code sensitive} is seen from investigator up, one
 * {@code retracted} only by editors and admins, and everything else by everyone.
 */
public final class Visibility {

    public static final String PUBLIC = "public";

    public static final String SENSITIVE = "sensitive";

    public static final String RETRACTED = "retracted";

    private Visibility() {
    }

    /** The Cypher predicate for node variable {@code node}; the query takes the parameter {@code $visible}. */
    public static String visible(String node) {
        return "coalesce(" + node + ".visibility, 'public') IN $visible";
    }

    public static List<String> visibleTo(Role role) {
        if (role == null || !role.atLeast(Role.INVESTIGATOR)) {
            return List.of(PUBLIC);
        }
        return role.atLeast(Role.EDITOR) ? List.of(PUBLIC, SENSITIVE, RETRACTED) : List.of(PUBLIC, SENSITIVE);
    }

    /** What the caller of the current request may see. */
    public static List<String> of(GraphQLContext context) {
        return visibleTo(context == null ? null : context.get(Role.CONTEXT_KEY));
    }

}
