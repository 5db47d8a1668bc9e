package com.hongda.cms.customer;

import com.hongda.cms.common.SortDirection;
import org.springframework.data.domain.Sort;

/** Sort order of the {@code customers} query. */
record CustomerSort(Field field, SortDirection direction) {

    /** Sortable columns, each indexed. */
    enum Field {
        NAME("name"), TIER("tier"), MONTHLY_REVENUE("monthlyRevenue"), CREATED_AT("createdAt");

        private final String property;

        Field(String property) {
            this.property = property;
        }
    }

    Sort toSort() {
        Field f = field == null ? Field.NAME : field;
        return (direction == null ? SortDirection.ASC : direction).by(f.property);
    }
}
