package com.hongda.cms.prospect;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import com.hongda.cms.workflow.DecidedBy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The beans bpmn/prospect-follow-up.bpmn names, one per step (the delegate convention), and what they do
 * to the prospect in the engine's transaction. The deadline is the follow-up class's days (the
 * {@code prospect-follow-up} table's, in {@code followUpDays}) from now, kept on the prospect and in
 * {@code followUpDue} for the timer.
 */
final class ProspectSteps {

    private ProspectSteps() {
    }

    /** What the steps share: the prospect of the instance and a new deadline from now. */
    @Component
    static class Deadlines {
        private final ProspectRepository prospects;
        private final Clock clock;

        Deadlines(ProspectRepository prospects, Clock clock) {
            this.prospects = prospects;
            this.clock = clock;
        }

        Prospect prospect(DelegateExecution execution) {
            long id = ((Number) execution.getVariable("prospectId")).longValue();
            return prospects.findByIdForUpdate(id).orElseThrow(() -> new IllegalStateException("no prospect " + id));
        }

        /** The next deadline, as the timer's variable; returned for the prospect. */
        Instant next(DelegateExecution execution) {
            Instant due = clock.instant().plus(Duration.ofDays(((Number) execution.getVariable("followUpDays")).longValue()));
            execution.setVariable("followUpDue", Date.from(due));
            // A form's empty optional field is not set: an earlier decision's manager must not stand in for it.
            execution.removeVariable("newManager");
            return due;
        }

        Instant now() {
            return clock.instant();
        }
    }

    /** "Set the deadline": the first deadline, after the table has given the class's days. */
    @Component("prospectDeadline")
    static class Deadline implements JavaDelegate {
        private final Deadlines deadlines;
        Deadline(Deadlines deadlines) { this.deadlines = deadlines; }

        @Override
        public void execute(DelegateExecution execution) {
            deadlines.prospect(execution).dueBy(deadlines.next(execution), deadlines.now());
        }
    }

    /** "Extend the deadline": once per prospect, by the class's days again; a second time is refused naming the form's decision. */
    @Component("prospectExtend")
    static class Extend implements JavaDelegate {
        private final Deadlines deadlines;
        Extend(Deadlines deadlines) { this.deadlines = deadlines; }

        @Override
        public void execute(DelegateExecution execution) {
            Prospect p = deadlines.prospect(execution);
            if (p.isExtended()) {
                throw DomainException.badRequest("decision", "EXTENDED_ONCE", "error.prospect.extendedOnce");
            }
            p.extend(deadlines.next(execution), deadlines.now());
        }
    }

    /**
     * "Move to another manager": the manager named in {@code newManager} (login id, a MANAGER) must be
     * ACTIVE, another than the current one and supervised by the lead deciding; the wait starts again
     * with the class's days, and the new manager's supervisor is the next lead.
     */
    @Component("prospectReassign")
    static class Reassign implements JavaDelegate {
        private final Deadlines deadlines;
        private final ManagerService managers;
        Reassign(Deadlines deadlines, ManagerService managers) {
            this.deadlines = deadlines;
            this.managers = managers;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Prospect p = deadlines.prospect(execution);
            String login = (String) execution.getVariable("newManager");
            if (login == null) {
                throw DomainException.badRequest("newManager", "REQUIRED", "error.prospect.newManagerRequired");
            }
            CustomerManager to = managers.findByUser(login).orElseThrow(() ->
                    DomainException.badRequest("newManager", "NOT_A_MANAGER", "error.prospect.notAManager", login));
            if (to.getStatus() != ManagerStatus.ACTIVE) {
                throw DomainException.badRequest("newManager", "MANAGER_MUST_BE_ACTIVE", "error.prospect.managerNotActive", to.getName());
            }
            if (to.getId().equals(p.getManagerId())) {
                throw DomainException.badRequest("newManager", "DIFFERENT_MANAGER", "error.prospect.sameManager", to.getName());
            }
            String lead = (String) execution.getVariable(DecidedBy.VARIABLE);
            if (!managers.supervises(lead, to)) {
                throw DomainException.badRequest("newManager", "NOT_SUPERVISED", "error.prospect.notSupervised", to.getName());
            }
            p.moveTo(to.getId(), deadlines.next(execution), deadlines.now());
            execution.setVariable("leadUserId", to.getSupervisorUserId());
        }
    }
}
