package org.casegraph.curation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.access.Caller;
import org.casegraph.access.Permission;
import org.casegraph.graph.Graph;
import org.casegraph.support.Cursors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The audit trail, for admins only; there is no mutation that touches it.
 */
@Controller
class AuditController {

    private final Graph graph;

    AuditController(Graph graph) {
        this.graph = graph;
    }

    record AuditEntry(String at, String actor, String action, String target, String before, String after) {
    }

    @QueryMapping
    List<AuditEntry> audit(@Argument String target, @Argument Integer first, Caller caller) {
        caller.require(Permission.READ_AUDIT);
        String actor = caller.actor();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("target", target);
        parameters.put("first", Cursors.pageSize(first, 50, 100));
        return this.graph.query("""
                MATCH (a:AuditEntry) WHERE $target IS NULL OR a.target = $target
                RETURN toString(a.at) AS at, a.actor AS actor, a.action AS action, a.target AS target,
                       a.before AS before, a.after AS after
                ORDER BY a.at DESC LIMIT $first
                """, parameters,
                (r) -> new AuditEntry(r.get("at").asString(), r.get("actor").asString(), r.get("action").asString(),
                        r.get("target").asString(),
                        r.get("before").isNull() || r.get("before").asString().isEmpty() ? null
                                : r.get("before").asString(),
                        r.get("after").isNull() ? null : r.get("after").asString()));
    }

}
