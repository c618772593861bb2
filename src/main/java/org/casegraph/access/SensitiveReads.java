package org.casegraph.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The entities and relationships a request has read, and which of them are sensitive or
 * have sensitive fields, noted where records are mapped (whatever fields the client
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
     * Notes that the current request read this record; outside a web request it does
     * nothing.
     */
    public static void mapped(String id, boolean sensitive) {
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
        ids.forEach((id) -> mapped(id, true));
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
