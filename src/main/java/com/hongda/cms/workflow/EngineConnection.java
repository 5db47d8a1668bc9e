package com.hongda.cms.workflow;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.query.Query;

/**
 * One page of an engine query (tasks, history) as the same Relay connection the JPA-backed lists
 * use, with the same cursors and page-size cap: one {@code listPage} of at most {@code size + 1}
 * rows (the extra row answers {@code hasNextPage}) and a count only if {@code totalCount} is selected.
 */
public final class EngineConnection {

    private EngineConnection() {
    }

    /**
     * @param query a fresh, filtered and ordered query each time it is called (ties broken by a unique column)
     */
    public static <E, T> Connection<T> page(Supplier<? extends Query<?, E>> query, Function<E, T> convert,
                                            PageArgs args, Paging paging) {
        Paging.Window w = paging.window(args, () -> query.get().count());
        List<T> rows = query.get().listPage((int) w.offset(), w.size() + 1).stream().map(convert).toList();
        return paging.connection(w, rows, () -> query.get().count());
    }
}
