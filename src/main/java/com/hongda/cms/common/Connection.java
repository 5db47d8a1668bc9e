package com.hongda.cms.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One page of a Relay connection. {@code totalCount} runs its count query only when a client
 * selects the field: GraphQL's property fetcher calls the getter on demand.
 */
public final class Connection<T> {

    /** An element of the page with the cursor that points at it. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Relay page information. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    private final List<Edge<T>> edges;
    private final PageInfo pageInfo;
    private final LongSupplier totalCount;

    Connection(List<T> nodes, long firstOffset, boolean hasNext, LongSupplier totalCount) {
        List<Edge<T>> list = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            list.add(new Edge<>(PageArgs.cursorFor(firstOffset + i), nodes.get(i)));
        }
        this.edges = List.copyOf(list);
        this.pageInfo = new PageInfo(hasNext, firstOffset > 0,
                list.isEmpty() ? null : list.get(0).cursor(),
                list.isEmpty() ? null : list.get(list.size() - 1).cursor());
        this.totalCount = totalCount;
    }

    public List<Edge<T>> getEdges() {
        return edges;
    }

    public List<T> getNodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public PageInfo getPageInfo() {
        return pageInfo;
    }

    public long getTotalCount() {
        return totalCount.getAsLong();
    }
}
