package com.hongda.cms.manager;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The one writer of a manager's histories (branch, grade, status, supervisor): every change of either, whoever causes
 * it (registration, a hire, probation, promotion, demotion), is written here with its reason, the
 * process instance that decided it and who decided.
 */
@Component
class ManagerHistory {

    private final GradeChangeRepository grades;
    private final StatusChangeRepository statuses;
    private final SupervisorChangeRepository supervisors;
    private final ManagerBranchChangeRepository branches;

    ManagerHistory(GradeChangeRepository grades, StatusChangeRepository statuses, SupervisorChangeRepository supervisors,
                   ManagerBranchChangeRepository branches) {
        this.branches = branches;
        this.grades = grades;
        this.statuses = statuses;
        this.supervisors = supervisors;
    }

    /** The first entries of a new manager: their branch, grade, status and supervisor (if any) as registered. */
    void started(CustomerManager manager, Instant at, ManagerEffects.Decision why) {
        branch(manager, null, at, why);
        grade(manager, null, at, why);
        status(manager, null, at, why);
        if (manager.getSupervisorUserId() != null) {
            supervisor(manager, null, at, why);
        }
    }

    SupervisorChange supervisor(CustomerManager manager, String before, Instant at, ManagerEffects.Decision why) {
        return supervisors.save(new SupervisorChange(manager.getId(), before, manager.getSupervisorUserId(), at, why.reason(),
                why.processInstanceId(), why.decidedBy()));
    }

    ManagerBranchChange branch(CustomerManager manager, Long before, Instant at, ManagerEffects.Decision why) {
        return branches.save(new ManagerBranchChange(manager.getId(), before, manager.getBranchId(), at, why.reason(),
                why.processInstanceId(), why.decidedBy()));
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
