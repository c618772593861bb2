package org.casegraph.access;

/**
 * Who may do what: every rule that depends on the caller's role, in one table. Each
 * permission names the least role that has it (a role may do what the ones before it may)
 * and, for those a request can be refused for, the message the caller reads. Adding a
 * rule is adding a line here.
 */
public enum Permission {

    /** See records and fields marked sensitive (their reads are audited). */
    SEE_SENSITIVE(Role.INVESTIGATOR, "only investigators and above may see sensitive records"),

    /** See retracted records. */
    SEE_RETRACTED(Role.EDITOR, "only editors and above may see retracted records"),

    /** Change the graph: every curation mutation. */
    EDIT_GRAPH(Role.EDITOR, "only editors may change the graph: send an editor's API key in the X-API-Key header"),

    /** Ingest documents and review what they propose before it is published. */
    REVIEW_INGESTIONS(Role.EDITOR,
            "only editors may ingest documents or review ingestions: send an editor's API key in the X-API-Key header"),

    /** Read the audit trail. */
    READ_AUDIT(Role.ADMIN, "only admins may read the audit trail"),

    /** Create, list and revoke API keys. */
    MANAGE_API_KEYS(Role.ADMIN, "only admins may manage API keys");

    private final Role least;

    private final String refusal;

    Permission(Role least, String refusal) {
        this.least = least;
        this.refusal = refusal;
    }

    /** Whether {@code role} (null counts as public) has this permission. */
    public boolean grantedTo(Role role) {
        return (role == null ? Role.PUBLIC : role).atLeast(this.least);
    }

    String refusal() {
        return this.refusal;
    }

}
