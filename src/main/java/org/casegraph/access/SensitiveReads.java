package org.casegraph.access;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The sensitive entities a request has read, noted where records are mapped (whatever fields the client
 * selected), for {@link SensitiveReadAudit} to record once the response is ready.
 */
public final class SensitiveReads {

    private static final String ATTRIBUTE = SensitiveReads.class.getName();

    private SensitiveReads() {
    }

    /** Notes that the current request read this sensitive entity; outside a web request it does nothing. */
    public static void noted(String id) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> ids = (Set<String>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (ids == null) {
            ids = new LinkedHashSet<>();
            request.setAttribute(ATTRIBUTE, ids, RequestAttributes.SCOPE_REQUEST);
        }
        ids.add(id);
    }

    /** What the current request noted so far. */
    static Set<String> ofCurrentRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        Set<String> ids = (Set<String>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

}
