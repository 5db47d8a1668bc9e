package com.hongda.cms.manager;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The one writer of a manager's grade and status histories: every change of either, whoever causes
 * it (registration, a hire, probation, promotion, demotion), is written here with its reason, the
 * process instance that decided it and who decided.
 */
@Component
class ManagerHistory {

    private final GradeChangeRepository grades;
    private final StatusChangeRepository statuses;

    ManagerHistory(GradeChangeRepository grades, StatusChangeRepository statuses) {
        this.grades = grades;
        this.statuses = statuses;
    }

    /** The first entries of a new manager: their grade and status as registered. */
    void started(CustomerManager manager, Instant at, ManagerEffects.Decision why) {
        grade(manager, null, at, why);
        status(manager, null, at, why);
    }

    GradeChange grade(CustomerManager manager, Grade before, Instant at, ManagerEffects.Decision why) {
        return grades.save(new GradeChange(manager.getId(), before, manager.getGrade(), at, why.reason(),
                why.processInstanceId(), why.decidedBy()));
    }

    StatusChange status(CustomerManager manager, ManagerStatus before, Instant at, ManagerEffects.Decision why) {
        return statuses.save(new StatusChange(manager.getId(), before, manager.getStatus(), at, why.reason(),
                why.processInstanceId(), why.decidedBy()));
    }
}
