package org.casegraph.access;

/**
 * Who is asking: anonymous readers of the published graph up to administrators. Each role
 * may do what the ones before it may.
 */
public enum Role {

    PUBLIC, JOURNALIST, INVESTIGATOR, EDITOR, ADMIN;

    /** The GraphQL context key under which the caller's role travels. */
    public static final String CONTEXT_KEY = "casegraph.role";

    /** The GraphQL context key under which the caller's name travels, for the audit. */
    public static final String ACTOR_KEY = "casegraph.actor";

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

}
