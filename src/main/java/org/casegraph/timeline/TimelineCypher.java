package org.casegraph.timeline;

import org.casegraph.access.Visibility;

/**
 * The timeline statements, public so that the benchmark runs exactly what the API runs.
 * Parameters: entityId, from, to (the upper bound with {@code ~} appended, so that
 * {@code 2011} covers {@code 2011-12-31}), afterKey and afterId (the sort position of the
 * cursor's event, or null for the first page), limit, visible. The counts take the same
 * parameters but the cursor and the limit.
 * <p>
 * Events come in the order of their {@code sortKey} (date, coarse before fine, then
 * ordinal: see {@link org.casegraph.graph.EventOrder}), then id, which makes the order
 * total, so a cursor that names a position in it pages on without gaps or repeats.
 */
public final class TimelineCypher {

    private static final String FILTER = """
            ($from IS NULL OR e.date >= $from OR $from STARTS WITH e.date)
            AND ($to IS NULL OR e.date <= $to)
            AND coalesce(e.visibility, 'public') IN $visible
            """;

    private static final String AFTER = """
            ($afterKey IS NULL OR e.sortKey > $afterKey OR (e.sortKey = $afterKey AND e.id > $afterId))
            """;

    public static final String ALL_EVENTS = """
            MATCH (e:Event)
            WHERE %s AND %s
            WITH e ORDER BY e.sortKey, e.id LIMIT $limit
            RETURN %s AS e
            """.formatted(FILTER, AFTER, Visibility.entity("e"));

    public static final String ALL_COUNT = """
            MATCH (e:Event)
            WHERE %s
            RETURN count(e) AS total
            """.formatted(FILTER);

    /**
     * The events of one entity, directly or through its cases, each with the sensitive
     * records that brought it in.
     */
    private static final String ENTITY_MATCH = """
            MATCH (x:Entity {id: $entityId})
            WHERE coalesce(x.visibility, 'public') IN $visible
            CALL {
              WITH x
              MATCH (x)-[r]-(e:Event)
              WHERE coalesce(r.visibility, 'public') IN $visible
              RETURN e, %s AS via
              UNION
              WITH x
              MATCH (x)-[r1]-(c:Case)-[r2]-(e:Event)
              WHERE coalesce(c.visibility, 'public') IN $visible AND coalesce(r1.visibility, 'public') IN $visible
                AND coalesce(r2.visibility, 'public') IN $visible
              RETURN e, %s AS via
            }
            WITH x, e, collect(via) AS vias
            WHERE %s
            """.formatted(Visibility.sensitiveAmong("r"), Visibility.sensitiveAmong("r1", "c", "r2"), FILTER);

    /**
     * The events of one entity, directly or through its cases. Each comes with
     * {@code via}: the sensitive records among the entity and the links and cases that
     * brought it in, which the caller's answer reveals.
     */
    public static final String ENTITY_EVENTS = ENTITY_MATCH + """
            AND %s
            WITH x, e, vias ORDER BY e.sortKey, e.id LIMIT $limit
            RETURN %s AS e, reduce(ids = %s, via IN vias | ids + via) AS via
            """.formatted(AFTER, Visibility.entity("e"), Visibility.sensitiveAmong("x"));

    /**
     * How many events the entity has; {@code via} as above, for all of them, since the
     * count reveals them all.
     */
    public static final String ENTITY_COUNT = ENTITY_MATCH + """
            WITH x, count(e) AS total, collect(vias) AS all
            RETURN total, reduce(ids = %s, vias IN all | reduce(acc = ids, via IN vias | acc + via)) AS via
            """.formatted(Visibility.sensitiveAmong("x"));

    private TimelineCypher() {
    }

}
