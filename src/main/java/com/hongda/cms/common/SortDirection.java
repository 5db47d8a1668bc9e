package com.hongda.cms.common;

import org.springframework.data.domain.Sort;

/** Ascending or descending, as the schema's {@code SortDirection}. */
public enum SortDirection {
    ASC, DESC;

    /** Sorts by {@code property} then by id, so that pages are stable when values repeat. */
    public Sort by(String property) {
        Sort.Direction direction = this == ASC ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(new Sort.Order(direction, property), new Sort.Order(direction, "id"));
    }
}
