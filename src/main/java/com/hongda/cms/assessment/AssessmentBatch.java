package com.hongda.cms.assessment;

import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts the assessments of one batch of a round's managers (each batch a job of its own, see the
 * round's model): the results not excluded, by id, the {@code batch}-th slice of
 * {@code cms.assessment.batch-size}. The set of such results does not change once the round is
 * prepared, so the slices neither overlap nor miss anyone; a result that has its case already is skipped.
 */
@Component("assessmentBatch")
class AssessmentBatch implements JavaDelegate {

    static final String CASE_PROCESS = "assessment";
    static final String CASE_SUBJECT = "ASSESSMENT";

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseStarter starter;
    private final AssessmentProperties properties;

    AssessmentBatch(NamedParameterJdbcTemplate jdbc, CaseStarter starter, AssessmentProperties properties) {
        this.jdbc = jdbc;
        this.starter = starter;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long roundId = ((Number) execution.getVariable("roundId")).longValue();
        int batch = ((Number) execution.getVariable("batch")).intValue();
        String kind = (String) execution.getVariable("kind");
        MapSqlParameterSource p = new MapSqlParameterSource("round", roundId).addValue("limit", properties.batchSize())
                .addValue("offset", batch * properties.batchSize());
        List<Map<String, Object>> slice = jdbc.queryForList("select r.id, r.process_instance_id, m.user_id, m.supervisor_user_id"
                + " from assessment_result r join customer_manager m on m.id = r.manager_id"
                + " where r.round_id = :round and r.state <> 'EXCLUDED' order by r.id limit :limit offset :offset", p);
        List<MapSqlParameterSource> started = new ArrayList<>();
        for (Map<String, Object> row : slice) {
            if (row.get("process_instance_id") != null) {
                continue;
            }
            long resultId = ((Number) row.get("id")).longValue();
            Map<String, Object> vars = new HashMap<>();
            vars.put("resultId", resultId);
            vars.put("roundId", roundId);
            vars.put("kind", kind);
            vars.put("managerUserId", row.get("user_id"));
            vars.put("supervisorId", row.get("supervisor_user_id"));
            vars.put("partWorkingDays", properties.partWorkingDays());
            String pi = starter.start(CASE_PROCESS, CASE_SUBJECT, new Subject(CASE_SUBJECT, Long.toString(resultId)), vars).getId();
            started.add(new MapSqlParameterSource("id", resultId).addValue("pi", pi));
        }
        if (!started.isEmpty()) {
            jdbc.batchUpdate("update assessment_result set process_instance_id = :pi, state = 'IN_PROGRESS' where id = :id",
                    started.toArray(MapSqlParameterSource[]::new));
        }
    }
}
