package com.hongda.cms.probation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service step "Compute evaluation average": the mean of the supervisor's five scores, the decision's input. */
@Component("probationEvaluationAverage")
class EvaluationAverage implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        double sum = 0;
        for (String criterion : ProbationVariables.CRITERIA) {
            Object score = execution.getVariable(criterion);
            if (!(score instanceof Number n)) {
                throw new IllegalStateException("probation evaluation lacks the score " + criterion);
            }
            sum += n.doubleValue();
        }
        execution.setVariable(ProbationVariables.EVALUATION_AVERAGE, sum / ProbationVariables.CRITERIA.length);
    }
}
