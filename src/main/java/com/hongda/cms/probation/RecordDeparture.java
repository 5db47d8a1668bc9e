package com.hongda.cms.probation;

import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service steps "Record dismissal" and "Record transfer" (辞退或换岗): the trainee leaves the manager
 * sequence; the manager row records status LEFT with the reason and this process.
 */
@Component("probationDeparture")
class RecordDeparture implements JavaDelegate {

    private final ManagerService managers;

    RecordDeparture(ManagerService managers) {
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
        managers.changeStatus(managerId, ManagerStatus.LEFT, reason, execution.getProcessInstanceId());
    }
}
