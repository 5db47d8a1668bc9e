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

    @Transactional(readOnly = true)
    public <T> Connection<T> page(Class<T> type, Specification<T> spec, Sort sort, PageArgs args) {
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
            long upper = end != null ? end : count(type, spec);
            long from = Math.max(start, upper - last);
            size = (int) Math.max(0, upper - from);
            start = from;
        } else {
            size = first != null ? first : properties.defaultSize();
            if (end != null) {
                size = (int) Math.max(0, Math.min(size, end - start));
            }
        }
        List<T> rows = size == 0 ? List.of() : select(type, spec, sort, start, size + 1);
        boolean hasNext = rows.size() > size || (end != null && start + Math.min(rows.size(), size) < end);
        List<T> page = rows.size() > size ? rows.subList(0, size) : rows;
        return new Connection<>(page, start, hasNext, () -> count(type, spec));
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
