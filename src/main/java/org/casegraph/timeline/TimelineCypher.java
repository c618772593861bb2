package org.casegraph.timeline;

import org.casegraph.access.Visibility;

/**
 * The timeline statements, public so that the benchmark runs exactly what the API runs. Parameters: entityId,
 * from, to (the upper bound with {@code ~} appended, so that {@code 2011} covers {@code 2011-12-31}), kinds (null
 * for every kind), skip, limit, visible.
 */
public final class TimelineCypher {

    private static final String FILTER = """
            ($from IS NULL OR e.date >= $from OR $from STARTS WITH e.date)
            AND ($to IS NULL OR e.date <= $to)
            AND coalesce(e.visibility, 'public') IN $visible
            AND ($kinds IS NULL OR e.kind IN $kinds)
            """;

    public static final String ALL_EVENTS = """
            MATCH (e:Event)
            WHERE %s
            WITH e ORDER BY e.date, e.id SKIP $skip LIMIT $limit
            RETURN %s AS e
            """.formatted(FILTER, Visibility.entity("e"));

    /**
     * The events of one entity, directly or through its cases. Each comes with {@code via}: the sensitive records
     * among the entity and the links and cases that brought it in, which the caller's answer reveals.
     */
    public static final String ENTITY_EVENTS = """
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
            WITH x, e, vias ORDER BY e.date, e.id SKIP $skip LIMIT $limit
            RETURN %s AS e, reduce(ids = %s, via IN vias | ids + via) AS via
            """.formatted(Visibility.sensitiveAmong("r"), Visibility.sensitiveAmong("r1", "c", "r2"), FILTER,
            Visibility.entity("e"), Visibility.sensitiveAmong("x"));

    private TimelineCypher() {
    }

}
