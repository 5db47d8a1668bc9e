package com.hongda.cms.workflow.task;

import com.hongda.cms.common.SortDirection;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Sort order of the inbox queries; ties are broken by task id, in the same direction, so pages are
 * stable and one index on the sorted column serves both directions ({@link InboxIndexes}).
 */
record TaskSort(Field field, SortDirection direction) {

    /** Sortable task properties. */
    enum Field { DUE_DATE, PRIORITY, CREATED }

    TaskQuery applyTo(TaskQuery query) {
        Field f = field == null ? Field.CREATED : field;
        switch (f) {
            case DUE_DATE -> query.orderByDueDate();
            case PRIORITY -> query.orderByTaskPriority();
            case CREATED -> query.orderByTaskCreateTime();
        }
        if (direction == SortDirection.DESC) {
            return query.desc().orderByTaskId().desc();
        }
        return query.asc().orderByTaskId().asc();
    }
}
