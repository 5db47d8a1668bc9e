package com.hongda.cms.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a filtered, sorted query as one page of a connection: one select of at most
 * {@code size + 1} rows (the extra row answers {@code hasNextPage}) and, only if asked for,
 * one count. Page sizes are capped by {@link PagingProperties}.
 */
@Component
public class Paging {

    private final EntityManager entityManager;
    private final PagingProperties properties;

    public Paging(EntityManager entityManager, PagingProperties properties) {
        this.entityManager = entityManager;
        this.properties = properties;
    }

    /** The rows a page asks for: skip {@code offset}, take {@code size} (fetch one more to learn hasNextPage). */
    public record Window(long offset, int size, Long end) {
    }

    /**
     * Works out which rows {@code args} ask for. {@code total} is called only for {@code last}
     * without {@code before}, which counts from the end.
     */
    public Window window(PageArgs args, java.util.function.LongSupplier total) {
        Integer first = args.first();
        Integer last = args.last();
        if (first != null && last != null) {
            throw DomainException.badRequest("last", "FIRST_OR_LAST", "error.page.firstAndLast");
        }
        checkSize("first", first);
        checkSize("last", last);
        long start = args.after() == null ? 0 : PageArgs.offsetOf("after", args.after()) + 1;
        Long end = args.before() == null ? null : PageArgs.offsetOf("before", args.before());
        int size;
        if (last != null) {
            long upper = end != null ? end : total.getAsLong();
            long from = Math.max(start, upper - last);
            size = (int) Math.max(0, upper - from);
            start = from;
        } else {
            size = first != null ? first : properties.defaultSize();
            if (end != null) {
                size = (int) Math.max(0, Math.min(size, end - start));
            }
        }
        return new Window(start, size, end);
    }

    /** Builds the connection from at most {@code size + 1} rows fetched at the window's offset. */
    public <T> Connection<T> connection(Window window, List<T> rows, java.util.function.LongSupplier total) {
        int size = window.size();
        boolean hasNext = rows.size() > size
                || (window.end() != null && window.offset() + Math.min(rows.size(), size) < window.end());
        List<T> page = rows.size() > size ? rows.subList(0, size) : rows;
        return new Connection<>(page, window.offset(), hasNext, total);
    }

    @Transactional(readOnly = true)
    public <T> Connection<T> page(Class<T> type, Specification<T> spec, Sort sort, PageArgs args) {
        Window w = window(args, () -> count(type, spec));
        // Always one row more than the page, so that even first: 0 tells whether rows follow.
        List<T> rows = select(type, spec, sort, w.offset(), w.size() + 1);
        return connection(w, rows, () -> count(type, spec));
    }

    private void checkSize(String field, Integer value) {
        if (value != null && (value < 0 || value > properties.maxSize())) {
            throw DomainException.badRequest(field, "PAGE_SIZE", "error.page.size", field, properties.maxSize());
        }
    }

    private <T> List<T> select(Class<T> type, Specification<T> spec, Sort sort, long offset, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(type);
        Root<T> root = query.from(type);
        Predicate predicate = spec == null ? null : spec.toPredicate(root, query, cb);
        if (predicate != null) {
            query.where(predicate);
        }
        query.orderBy(QueryUtils.toOrders(sort, root, cb));
        return entityManager.createQuery(query)
                .setFirstResult((int) offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Transactional(readOnly = true)
    public <T> long count(Class<T> type, Specification<T> spec) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<T> root = query.from(type);
        Predicate predicate = spec == null ? null : spec.toPredicate(root, query, cb);
        if (predicate != null) {
            query.where(predicate);
        }
        query.select(cb.count(root));
        return entityManager.createQuery(query).getSingleResult();
    }
}
