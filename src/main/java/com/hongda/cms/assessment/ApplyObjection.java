package com.hongda.cms.assessment;

import com.hongda.cms.workflow.DecidedBy;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step "Apply the decision" of an objection: the outcome and who decided are recorded; an adjusted
 * total replaces the score (the breakdown stays as computed) and the round is ranked again.
 */
@Component("assessmentObjection")
class ApplyObjection implements JavaDelegate {

    private final JdbcTemplate jdbc;
    private final RoundPublication publication;

    ApplyObjection(JdbcTemplate jdbc, RoundPublication publication) {
        this.jdbc = jdbc;
        this.publication = publication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long resultId = ((Number) execution.getVariable("resultId")).longValue();
        long roundId = ((Number) execution.getVariable("roundId")).longValue();
        String outcome = (String) execution.getVariable("objectionOutcome");
        Object adjusted = execution.getVariable("adjustedScore");
        String by = (String) execution.getVariable(DecidedBy.VARIABLE);
        if ("ADJUST".equals(outcome) && adjusted != null) {
            jdbc.update("update assessment_result set total_score = ?, objection_outcome = 'ADJUSTED', objection_decided_by = ?,"
                    + " version = version + 1 where id = ?", new BigDecimal(adjusted.toString()).setScale(2), by, resultId);
            publication.rank(roundId);
        } else {
            jdbc.update("update assessment_result set objection_outcome = 'UPHELD', objection_decided_by = ?, version = version + 1"
                    + " where id = ?", by, resultId);
        }
    }
}
