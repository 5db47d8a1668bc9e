package com.hongda.cms.personnel;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.ErrorType;
import com.hongda.cms.manager.ManagerEffects;
import com.hongda.cms.workflow.DecidedBy;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the steps of the personnel models share (beans named in {@code bpmn/personnel-*.bpmn}): the case
 * of the instance, who decided and why, the manager effect's {@link ManagerEffects.Decision}, and the
 * closing of the case. All in the engine's transaction, with the task's completion.
 */
@Component
class PersonnelSteps {

    /** The form field every deciding step asks the reason in. */
    static final String REASON = "decisionReason";

    private final PersonnelCaseRepository cases;
    private final IdentityService identity;
    private final Clock clock;

    PersonnelSteps(PersonnelCaseRepository cases, IdentityService identity, Clock clock) {
        this.cases = cases;
        this.identity = identity;
        this.clock = clock;
    }

    PersonnelCase of(VariableScope scope) {
        long id = ((Number) scope.getVariable(PersonnelCases.CASE_ID)).longValue();
        return cases.findById(id).orElseThrow(() -> new IllegalStateException("no personnel case " + id));
    }

    /**
     * Four eyes on every deciding task: who reported or proposed the case, or approved it at an earlier
     * step, may not decide it (FORBIDDEN OWN_CASE); a committee member's approval is recorded on the case.
     */
    void decider(DelegateTask task) {
        PersonnelCase c = of(task.getExecution());
        String actor = DecidedBy.actor(identity, task);
        if (actor != null && (actor.equals(c.getReportedBy()) || actor.equals(c.getApprovedBy()))) {
            throw new DomainException(ErrorType.FORBIDDEN, "error.personnel.ownCase", "input.taskId", "OWN_CASE");
        }
        if ("committeeApproval".equals(task.getTaskDefinitionKey()) && "APPROVE".equals(task.getVariable("approval"))) {
            c.approved(actor, clock.instant());
        }
    }

    /** The manager effect's decision: the reason code, this process instance and who decided. */
    ManagerEffects.Decision decision(DelegateExecution execution, String reason) {
        return new ManagerEffects.Decision(reason, execution.getProcessInstanceId(), (String) execution.getVariable(DecidedBy.VARIABLE));
    }

    /** Closes the case as decided ({@code outcome} applied) or rejected, with who decided, when and the form's reason. */
    void close(DelegateExecution execution, PersonnelCase c, PersonnelState state, PersonnelOutcome outcome) {
        c.closed(state, outcome, (String) execution.getVariable(DecidedBy.VARIABLE), clock.instant(),
                (String) execution.getVariable(REASON));
    }
}
