package com.hongda.cms.workflow;

import com.hongda.cms.common.Connection.Edge;
import com.hongda.cms.common.Connection.PageInfo;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.PagingProperties;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.query.Query;

/**
 * One page of an engine query (tasks, history) as a Relay connection, shaped like the JPA-backed
 * connections of the other modules ({@code edges}, {@code nodes}, {@code pageInfo},
 * {@code totalCount}) with the same offset cursors ({@link PageArgs#cursorFor}). Pages go forward
 * ({@code first}/{@code after}); the size is capped by {@link PagingProperties}.
 *
 * <p>The class name must end in "Connection": Spring for GraphQL passes such objects through its
 * connection support unadapted.
 */
public final class EngineConnection<T> {

    private static final String CURSOR_PREFIX = "o:";

    private final List<Edge<T>> edges;
    private final PageInfo pageInfo;
    private final LongSupplier totalCount;

    private EngineConnection(List<T> nodes, long firstOffset, boolean hasNext, LongSupplier totalCount) {
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

    /**
     * Runs {@code query} (filtered and ordered, ties broken by a unique column) for one page: one
     * {@code listPage} of at most {@code first + 1} rows, the extra row answering {@code hasNextPage},
     * and a count only if {@code totalCount} is selected. Refuses a size outside 0 to the maximum or
     * a cursor this class did not make (BAD_REQUEST naming {@code first} or {@code after}).
     */
    public static <E, T> EngineConnection<T> page(Supplier<? extends Query<?, E>> query, Function<E, T> convert,
                                                  Integer first, String after, PagingProperties paging) {
        int size = first == null ? paging.defaultSize() : first;
        if (size < 0 || size > paging.maxSize()) {
            throw DomainException.badRequest("first", "PAGE_SIZE", "error.page.size", "first", paging.maxSize());
        }
        long offset = after == null ? 0 : offsetOf("after", after) + 1;
        List<E> rows = size == 0 ? List.of() : query.get().listPage((int) offset, size + 1);
        boolean hasNext = rows.size() > size;
        List<T> nodes = (hasNext ? rows.subList(0, size) : rows).stream().map(convert).toList();
        return new EngineConnection<>(nodes, offset, hasNext, () -> query.get().count());
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

    /** The offset a cursor points at; only a cursor {@link PageArgs#cursorFor} makes exactly is accepted. */
    private static long offsetOf(String field, String cursor) {
        if (cursor.length() <= 32) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                if (decoded.startsWith(CURSOR_PREFIX)) {
                    long offset = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                    if (offset >= 0 && offset < Integer.MAX_VALUE && PageArgs.cursorFor(offset).equals(cursor)) {
                        return offset;
                    }
                }
            } catch (IllegalArgumentException e) {
                // Not Base64, or not a number: refused below like any other foreign cursor.
            }
        }
        throw DomainException.badRequest(field, "CURSOR_FORMAT", "error.cursor", field);
    }
}
