package com.hongda.cms.manager;

import com.hongda.cms.common.SortDirection;
import org.springframework.data.domain.Sort;

/** Sort order of the {@code managers} query. */
public record ManagerSort(Field field, SortDirection direction) {

    /** Sortable columns, each indexed. */
    public enum Field {
        NAME("name"), EMPLOYEE_NO("employeeNo"), GRADE("gradeRank"), GRADE_SINCE("gradeSince"), CREATED_AT("createdAt");

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
