package org.casegraph.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The entities and relationships a request has read, and which of them are sensitive or
 * have sensitive fields, noted by the routes that read them (whatever fields the client
 * selected), for {@link SensitiveReadAudit} to record once the response is ready.
 */
public final class SensitiveReads {

    private static final String ATTRIBUTE = SensitiveReads.class.getName();

    private SensitiveReads() {
    }

    /** What a request read: every record's id, and the ids of the sensitive ones. */
    record Reads(Set<String> seen, Set<String> sensitive) {

        static final Reads NONE = new Reads(Set.of(), Set.of());

    }

    /**
     * Notes that the current request read {@code record}, an entity node or a
     * relationship as {@link Visibility#relationship} returns it: sensitive as the
     * audit's own check counts it, that is marked so, with fields marked so (even ones
     * without a value), or read with its hidden values in place.
     */
    public static void read(MapAccessor record) {
        Value visibility = record.get("visibility");
        Value fields = record.get(SensitiveFields.NAMES);
        boolean sensitive = (!visibility.isNull() && Visibility.SENSITIVE.equals(visibility.asString()))
                || (!fields.isNull() && !fields.isEmpty()) || !record.get(SensitiveFields.VALUES).isNull();
        Value id = record.get("id");
        noted(id.isNull() ? null : id.asString(), sensitive);
    }

    /**
     * Notes that the current request read this record; outside a web request it does
     * nothing.
     */
    private static void noted(String id, boolean sensitive) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        Reads reads = (Reads) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (reads == null) {
            reads = new Reads(new HashSet<>(), new LinkedHashSet<>());
            request.setAttribute(ATTRIBUTE, reads, RequestAttributes.SCOPE_REQUEST);
        }
        reads.seen().add(id);
        if (sensitive) {
            reads.sensitive().add(id);
        }
    }

    /**
     * Notes sensitive records a query walked through to decide what to return (see
     * {@link Visibility#sensitiveAmong}).
     */
    public static void walked(Collection<String> ids) {
        ids.forEach((id) -> noted(id, true));
    }

    /**
     * What the current request noted so far; the audit reads it once the response is
     * ready.
     */
    static Reads ofCurrentRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return Reads.NONE;
        }
        Reads reads = (Reads) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return reads == null ? Reads.NONE : reads;
    }

}
