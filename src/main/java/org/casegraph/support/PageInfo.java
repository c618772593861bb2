package org.casegraph.support;

import java.util.List;

public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

    /**
     * Where the page holding {@code edges} stands in its list; the cursors are those of
     * its first and last edge.
     */
    public static PageInfo of(List<? extends Edge> edges, boolean hasNextPage, boolean hasPreviousPage) {
        return edges.isEmpty() ? new PageInfo(hasNextPage, hasPreviousPage, null, null) : new PageInfo(hasNextPage,
                hasPreviousPage, edges.get(0).cursor(), edges.get(edges.size() - 1).cursor());
    }

}
