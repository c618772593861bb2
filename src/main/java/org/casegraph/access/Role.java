package org.casegraph.access;

/**
 * Who is asking: anonymous readers of the published graph up to administrators. Each role
 * may do what the ones before it may; what each may do is {@link Permission}'s table.
 */
public enum Role {

    PUBLIC, JOURNALIST, INVESTIGATOR, EDITOR, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

}
