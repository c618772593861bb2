package org.casegraph.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.casegraph.entity.Entity;
import org.casegraph.entity.EntityMapper;
import org.casegraph.entity.EntityReads;
import org.casegraph.entity.Relationship;
import org.casegraph.graph.Graph;
import org.casegraph.graph.PartialDate;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Repository;

import static org.casegraph.access.Visibility.entity;
import static org.casegraph.access.Visibility.published;
import static org.casegraph.access.Visibility.visible;
import static org.casegraph.entity.EntityRepository.RELATIONSHIP_PROJECTION;

/**
 * Neighbourhoods, paths and common connections, each in one Cypher statement.
 * Relationship types cannot be parameters in these patterns, so the checked type pattern
 * ({@link RelationshipTypes}, {@code ""} for any) is written into the statements, as are
 * the numbers a path search needs as literals.
 */
@Repository
public class TraceRepository {

    /**
     * How many routes of the longest length returned the ranking weighs at most: when
     * more tie there (around hubs), the first ones the search finds are ranked, so that a
     * hub costs a bounded amount of work.
     */
    static final int ROUTE_CANDIDATES = 100;

    /**
     * An entity's degree counts its relationships up to this many: beyond it, an entity
     * is simply a hub, and counting every relationship of a hub of thousands would cost
     * more than the search.
     */
    static final int DEGREE_CAP = 1000;

    /**
     * One level of the neighbourhood's breadth-first search: the unseen visible entities
     * linked by a visible relationship of the types ({@code %1$s}) to the level before
     * ({@code previous}), in id order, but those in {@code $excludeIds} (a hub, say:
     * neither returned nor walked through); nothing when the levels found already hold
     * more than the limit. The first level takes at most one entity more than the limit
     * (%3$s): that is enough to tell that the neighbourhood is cut, and a hub's first
     * thousands need then not all be sorted.
     */
    private static final String NEIGHBORHOOD_LEVEL = """
            CALL (start, found, previous) {
              UNWIND CASE WHEN size(found) <= $limit THEN previous ELSE [] END AS a
              MATCH (a)-[r%1$s]-(m:Entity)
              WHERE m <> start AND NOT m IN found AND NOT m.id IN $excludeIds AND %2$s
              WITH DISTINCT m ORDER BY m.id%3$s
              RETURN collect(m) AS level
            }
            WITH start, found + level AS found, level AS previous
            """;

    /**
     * The relationships among the entities {@code nodes}, as {@code relationships}: the
     * end of {@link #AMONG} and {@link #NEIGHBORHOOD}. Placeholders: the types (%1$s),
     * visibility (%2$s) and projection (%3$s) of the relationships.
     */
    private static final String RELATIONSHIPS_AMONG_NODES = """
            CALL (nodes) {
              UNWIND nodes AS a
              MATCH (a)-[r%1$s]->(b)
              WHERE b IN nodes AND %2$s
              RETURN collect(%3$s) AS relationships
            }
            """;

    /**
     * Given entities and the relationships among them. Placeholders: visibility of the
     * entities (%1$s); {@link #RELATIONSHIPS_AMONG_NODES} (%2$s); the projection of the
     * entities (%3$s).
     */
    private static final String AMONG = """
            UNWIND range(0, size($ids) - 1) AS i
            MATCH (n:Entity {id: $ids[i]})
            WHERE %1$s
            WITH n ORDER BY i
            WITH collect(n) AS nodes
            %2$s\
            RETURN [x IN nodes | %3$s] AS nodes, relationships
            """;

    /**
     * The neighbourhood. Placeholders: visibility of the start (%1$s); one
     * {@link #NEIGHBORHOOD_LEVEL} per hop (%2$s); {@link #RELATIONSHIPS_AMONG_NODES} for
     * the entities found (%3$s); the projection of those entities (%4$s).
     */
    private static final String NEIGHBORHOOD = """
            MATCH (start:Entity {id: $id})
            WHERE %1$s
            WITH start, [] AS found, [start] AS previous
            %2$s\
            WITH start, [start] + found[0..$limit] AS nodes, size(found) > $limit AS truncated
            %3$s\
            RETURN [x IN nodes | %4$s] AS nodes, relationships, truncated
            """;

    /**
     * The steps of a route from {@code a} to {@code b}, one to {@code %5$d} of them, over
     * relationships of the types ({@code %1$s}). Each step goes to an entity neither
     * excluded nor hidden ({@code %2$s}; {@code b} may be of an excluded type), over a
     * followable relationship ({@code %3$s}), and over the one with the lowest element id
     * among the followable ones ({@code %4$s}) between the two entities.
     */
    private static final String STEPS = """
            (a)((u)-[r%1$s]-(x:Entity)
                  WHERE NOT x.id IN $excludeIds AND %2$s
                    AND (x = b OR NOT any(label IN labels(x) WHERE label IN $excludeTypes))
                    AND %3$s
                    AND NOT EXISTS { (u)-[s%1$s]-(x) WHERE elementId(s) < elementId(r) AND %4$s }
                ){1,%5$d}(b)\
            """;

    /**
     * The steps ({@code %s}) with no entity twice, checked during the search so that a
     * walk that loops does not take a route's place. A single step cannot loop, and Neo4j
     * refuses the parentheses around one.
     */
    private static final String ROUTE = """
            (%s
                WHERE NOT a IN x AND all(i IN range(1, size(x) - 1) WHERE NOT x[i] IN x[0..i]))\
            """;

    /**
     * Every route of the {@code %1$d} shortest lengths, when the first search found that
     * many ({@code groups}).
     */
    private static final String ROUTES_OF_LENGTHS = """
              WITH a, b WHERE groups = %1$d
              MATCH p = SHORTEST %1$d GROUPS %2$s
              RETURN nodes(p) AS route
              LIMIT %3$d
            """;

    /**
     * The ranked paths. Placeholders: visibility of the ends (%1$s); the number of paths
     * (%2$d); the route (%3$s); one {@link #ROUTES_OF_LENGTHS} per possible number of
     * lengths (%4$s); the published-link predicate (%5$s) and {@link #DEGREE_CAP} (%6$d)
     * for the hub score; the types (%7$s), the followable predicate (%8$s) and the
     * projections of relationships (%9$s) and entities (%10$s). See {@link #pathsCypher}.
     */
    private static final String PATHS = """
            MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
            WHERE %1$s
            CALL (a, b) {
              MATCH p = SHORTEST %2$d %3$s
              RETURN count(DISTINCT length(p)) AS groups
            }
            CALL (a, b, groups) {
            %4$s\
            }
            WITH collect(route) AS routes
            CALL (routes) {
              UNWIND routes AS route
              UNWIND route[1..-1] AS n
              WITH DISTINCT n
              RETURN collect([n, COUNT {
                MATCH (n)-[h]-()
                WHERE type(h) <> 'ALIAS_OF' AND %5$s
                RETURN h LIMIT %6$d
              }]) AS degrees
            }
            UNWIND routes AS route
            WITH route, reduce(score = 0, n IN route[1..-1] | score + [d IN degrees WHERE d[0] = n][0][1]) AS hubScore
            ORDER BY size(route), hubScore, [n IN route | n.id]
            LIMIT %2$d
            CALL (route) {
              UNWIND range(0, size(route) - 2) AS i
              WITH i, route[i] AS u, route[i + 1] AS x
              CALL (u, x) {
                MATCH (u)-[r%7$s]-(x)
                WHERE %8$s
                WITH r ORDER BY type(r), r.id
                RETURN collect(%9$s) AS relationships
              }
              WITH i, relationships ORDER BY i
              RETURN collect(relationships) AS hops
            }
            RETURN [n IN route | %10$s] AS nodes, hops
            ORDER BY size(route), hubScore, [n IN route | n.id]
            """;

    /** Entities linked directly to every one of the given entities, most links first. */
    private static final String COMMON_CONNECTIONS = """
            UNWIND $ids AS id
            MATCH (x:Entity {id: id})-[r]-(m:Entity)
            WHERE NOT m.id IN $ids AND %s
            WITH m, collect(DISTINCT x.id) AS linked, collect(%s) AS relationships
            WHERE size(linked) = size($ids)
            WITH m, relationships
            ORDER BY size(relationships) DESC, m.id
            LIMIT $first
            RETURN %s AS m, relationships
            """.formatted(visible("x", "r", "m"), RELATIONSHIP_PROJECTION, entity("m"));

    private final Graph graph;

    TraceRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The entities up to {@code depth} hops away, nearest first, at most {@code limit} of
     * them, and the relationships among them. A breadth-first search, one level at a time
     * from the level before, that stops as soon as the levels found hold more than
     * {@code limit} entities: a hub's neighbourhood costs its direct neighbours, not
     * every entity two hops away.
     */
    Subgraph neighborhood(String id, int depth, String types, int limit, List<String> excludeIds, List<String> visible,
            boolean withRelationships, Set<String> properties) {
        List<Subgraph> result = this.graph.query(neighborhoodCypher(depth, types, withRelationships, properties),
                Map.of("id", id, "limit", limit, "excludeIds", excludeIds, "visible", visible),
                (r) -> new Subgraph(r.get("nodes").asList(EntityReads::entity),
                        r.get("relationships").asList(EntityReads::relationship), r.get("truncated").asBoolean()));
        return result.isEmpty() ? null : result.get(0);
    }

    /**
     * The neighbourhood statement for a depth and a checked type pattern; parameters id,
     * limit, excludeIds and visible. A hidden entity is neither returned nor passed
     * through. The relationships among the entities found are collected only when asked
     * for: that walks every relationship of every entity found, a hub's thousands
     * included, which costs more than the search itself. Of each entity, only
     * {@code properties} are returned (all of them when null; see
     * {@link org.casegraph.entity.SelectedProperties}).
     */
    public static String neighborhoodCypher(int depth, String types, boolean withRelationships,
            Set<String> properties) {
        String levels = NEIGHBORHOOD_LEVEL.formatted(types, visible("r", "m"), " LIMIT $limit + 1")
                + NEIGHBORHOOD_LEVEL.formatted(types, visible("r", "m"), "").repeat(depth - 1);
        return NEIGHBORHOOD.formatted(visible("start"), levels,
                withRelationships ? relationshipsAmongNodes(types) : "WITH nodes, truncated, [] AS relationships\n",
                entity("x", properties));
    }

    private static String relationshipsAmongNodes(String types) {
        return RELATIONSHIPS_AMONG_NODES.formatted(types, visible("r"), RELATIONSHIP_PROJECTION);
    }

    /**
     * The given entities that exist and are visible, in the order asked, and every
     * relationship among them.
     */
    Subgraph among(List<String> ids, String types, List<String> visible) {
        return this.graph.single(AMONG.formatted(visible("n"), relationshipsAmongNodes(types), entity("x")),
                Map.of("ids", ids, "visible", visible), (r) -> new Subgraph(r.get("nodes").asList(EntityReads::entity),
                        r.get("relationships").asList(EntityReads::relationship), false));
    }

    /**
     * Up to {@code first} routes, shortest first and, among routes of one length, those
     * through the smallest hubs first (see {@link #pathsCypher}); never through the
     * excluded entities or types, and only over relationships valid in the time window
     * when one is given.
     */
    List<Path> paths(PathQuery query) {
        return this.graph.query(pathsCypher(query.first(), query.types(), query.maxLength()), query.parameters(),
                TraceRepository::asPath);
    }

    private static Path asPath(Record record) {
        List<Entity> nodes = record.get("nodes").asList(EntityReads::entity);
        List<List<Relationship>> grouped = record.get("hops").asList((hop) -> hop.asList(EntityReads::relationship));
        List<Hop> hops = new ArrayList<>(grouped.size());
        for (int i = 0; i < grouped.size(); i++) {
            hops.add(new Hop(nodes.get(i), nodes.get(i + 1), grouped.get(i)));
        }
        return new Path(nodes, List.copyOf(hops));
    }

    /**
     * The paths statement; parameters from, to, excludeIds, excludeTypes, validFrom and
     * validTo (null for none), and visible.
     * <p>
     * A route is a sequence of distinct entities. The search follows one relationship per
     * pair of neighbours (the followable one with the lowest element id), so parallel
     * relationships do not multiply a route into variants that crowd out other routes;
     * the relationships of each hop are collected afterwards, for the chosen routes only.
     * A first search finds the {@code first} shortest routes, which tells how many
     * lengths ({@code groups}) the answer spans; a second one
     * ({@code SHORTEST groups GROUPS}, one branch per possible count, of which one runs)
     * yields every route of those lengths, at most {@link #ROUTE_CANDIDATES}, so that the
     * ties at the longest length can be ranked. Routes are ranked by length, then by hub
     * score, the sum of the degrees of their intermediate entities (their published
     * relationships to other entities, up to {@link #DEGREE_CAP}; the same for every
     * caller, so the order never rests on a hidden link), then by their ids.
     */
    public static String pathsCypher(int first, String types, int maxLength) {
        String steps = STEPS.formatted(types, visible("x"), followable("r"), followable("s"), maxLength);
        String route = maxLength == 1 ? steps : ROUTE.formatted(steps);
        String branches = IntStream.rangeClosed(1, Math.min(first, maxLength))
            .mapToObj((groups) -> ROUTES_OF_LENGTHS.formatted(groups, route, ROUTE_CANDIDATES))
            .collect(Collectors.joining("  UNION ALL\n"));
        return PATHS.formatted(visible("a", "b"), first, route, branches, published("h"), DEGREE_CAP, types,
                followable("r"), RELATIONSHIP_PROJECTION, entity("n"));
    }

    /**
     * Relationship {@code r} may be followed: visible to the caller, and valid in the
     * window when one is given.
     */
    private static String followable(String r) {
        return """
                %2$s
                        AND ($validTo IS NULL OR %1$s.validFrom IS NULL OR %1$s.validFrom <= $validTo)
                        AND ($validFrom IS NULL OR %1$s.validTo IS NULL OR %1$s.validTo >= $validFrom)\
                """.formatted(r, visible(r));
    }

    /** Entities linked directly to every one of the given entities, most links first. */
    List<CommonConnection> commonConnections(List<String> ids, int first, List<String> visible) {
        return this.graph.query(COMMON_CONNECTIONS, Map.of("ids", ids, "first", first, "visible", visible),
                (r) -> new CommonConnection(EntityReads.entity(r.get("m")),
                        r.get("relationships").asList(EntityReads::relationship)));
    }

    record PathQuery(String fromId, String toId, int maxLength, int first, String types, List<String> excludeIds,
            List<String> excludeTypes, String validFrom, String validTo, List<String> visible) {

        /** The parameters of {@link #pathsCypher}. */
        Map<String, Object> parameters() {
            return Graph.parameters("from", this.fromId, "to", this.toId, "excludeIds", this.excludeIds, "excludeTypes",
                    this.excludeTypes, "validFrom", this.validFrom, "validTo", PartialDate.upperBound(this.validTo),
                    "visible", this.visible);
        }

    }

}
