package org.casegraph.export;

import java.util.List;

import org.casegraph.access.Role;
import org.casegraph.access.Visibility;
import org.casegraph.graph.PartialDate;
import org.casegraph.support.InvalidArgumentException;

/**
 * One export as asked for, its parameters checked: the whole graph or the subgraph of one
 * entity ({@code depth} hops, optionally only along {@code relationshipTypes}) for FtM,
 * GraphML and CSV; the events of the graph or of one entity between {@code from} and
 * {@code to} for TimelineJS. {@code role} and {@code actor} are the caller's, so the
 * export holds exactly what GraphQL would serve them.
 */
public record ExportRequest(ExportFormat format, String entityId, int depth, List<String> relationshipTypes,
        String from, String to, Role role, String actor) {

    public static final int MAX_DEPTH = 3;

    /**
     * Checks the parameters as a client sent them (null for those left out); the names
     * are the HTTP parameters'.
     */
    public static ExportRequest of(ExportFormat format, String entityId, String depth, List<String> relationshipTypes,
            String from, String to, Role role, String actor) {
        String entity = entityId == null || entityId.isBlank() ? null : entityId.strip();
        List<String> types = relationshipTypes == null ? null
                : relationshipTypes.stream().map(String::strip).filter((type) -> !type.isEmpty()).toList();
        if (format == ExportFormat.TIMELINEJS) {
            if (depth != null) {
                throw new InvalidArgumentException("depth", "a timeline lists the events of one entity and its cases;"
                        + " depth applies to ftm, graphml and csv");
            }
            if (types != null) {
                throw new InvalidArgumentException("relationshipTypes",
                        "applies to ftm, graphml and csv, not to a timeline");
            }
            date("from", from);
            date("to", to);
            if (from != null && to != null && from.compareTo(to) > 0 && !from.startsWith(to)) {
                throw new InvalidArgumentException("from", "'" + from + "' is after to '" + to + "'");
            }
            return new ExportRequest(format, entity, 0, null, from, to, role, actor);
        }
        if (from != null || to != null) {
            throw new InvalidArgumentException(from != null ? "from" : "to", "applies to timelinejs only");
        }
        int hops = 0;
        if (depth != null) {
            if (entity == null) {
                throw new InvalidArgumentException("depth",
                        "needs entityId: the subgraph is counted in hops from that entity");
            }
            try {
                hops = Integer.parseInt(depth.strip());
            }
            catch (NumberFormatException ex) {
                throw new InvalidArgumentException("depth",
                        "must be a whole number from 1 to " + MAX_DEPTH + ", not '" + depth + "'");
            }
            if (hops < 1 || hops > MAX_DEPTH) {
                throw new InvalidArgumentException("depth", "must be between 1 and " + MAX_DEPTH + ", not " + hops);
            }
        }
        else if (entity != null) {
            hops = 1;
        }
        return new ExportRequest(format, entity, hops, types, null, null, role, actor);
    }

    private static void date(String argument, String value) {
        if (value != null && !PartialDate.isValid(value)) {
            throw new InvalidArgumentException(argument,
                    "'" + value + "' is not a PartialDate; use 2011, 2011-12 or 2011-12-15");
        }
    }

    /** What the caller may see, as every read query takes it. */
    public List<String> visible() {
        return Visibility.visibleTo(this.role);
    }

    /**
     * Whether reads of sensitive records are the caller's to see, and so recorded in the
     * audit trail.
     */
    boolean audited() {
        return this.role != null && this.role.atLeast(Role.INVESTIGATOR);
    }

}
