package com.hongda.cms.common;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** Small building blocks for the filters that list queries offer. */
public final class Specs {

    /** Longest "contains" text accepted: a name filter longer than any stored name matches nothing. */
    public static final int MAX_CONTAINS = 200;

    private Specs() {
    }

    /**
     * "Any of these values". Repeats are dropped: a client may send the same enum code any number of
     * times, and every value would otherwise become a bind parameter of the select and of the count.
     */
    public static <T> Specification<T> in(String attribute, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<?> distinct = values.stream().distinct().toList();
        return (root, query, cb) -> root.get(attribute).in(distinct);
    }

    public static <T> Specification<T> equal(String attribute, Object value) {
        if (value == null) {
            return null;
        }
        return (root, query, cb) -> cb.equal(root.get(attribute), value);
    }

    /** Case-insensitive "contains" with LIKE wildcards in the input taken literally. */
    public static <T> Specification<T> contains(String field, String attribute, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_CONTAINS) {
            throw DomainException.badRequest(field, "MAX_LENGTH", "error.maxLength", field, MAX_CONTAINS);
        }
        String escaped = text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return (root, query, cb) -> cb.like(cb.lower(root.get(attribute)), "%" + escaped + "%", '\\');
    }
}
