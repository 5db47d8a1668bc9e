package com.hongda.cms.probation;

import com.hongda.cms.manager.ManagerEffects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service steps "Record dismissal" and "Record transfer" (辞退或换岗): the trainee leaves the manager
 * sequence; the manager row records status LEFT with the reason and this process.
 */
@Component("probationDeparture")
class RecordDeparture implements JavaDelegate {

    private final ManagerEffects managers;

    RecordDeparture(ManagerEffects managers) {
        this.managers = managers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decision = execution.getVariable(ProbationVariables.DECISION);
        String reason = switch (String.valueOf(decision)) {
            case "DISMISS" -> "DISMISSED";
            case "TRANSFER" -> "TRANSFERRED";
            default -> throw new IllegalStateException("no departure decision, but " + decision);
        };
        long managerId = ProbationVariables.managerId(execution);
        String decidedBy = (String) execution.getVariable(ProbationVariables.DECIDED_BY);
        managers.leave(managerId, new ManagerEffects.Decision(reason, execution.getProcessInstanceId(), decidedBy));
    }
}
