package com.hongda.cms.assessment;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.manager.ExitReviewDue;
import com.hongda.cms.workflow.DecidedBy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The end of a round: HR's review may complete only once every result is confirmed or excluded (a
 * manager who left meanwhile holds nothing up), and publishing ends the assessments of those who left
 * and excludes them, ranks the rest within branch and grade in one read and
 * one batch of updates ({@link Ranking}), and opens the objection window. Results are read-only after.
 * A skills test's confirmed totals below {@code cms.assessment.skills-pass-score} each announce that the
 * manager's exit review is due ({@link ExitReviewDue}, in this transaction).
 */
@Component
class RoundPublication {

    private final AssessmentRoundRepository rounds;
    private final AssessmentProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final IdentityService identity;
    private final Clock clock;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.springframework.context.ApplicationEventPublisher events;

    RoundPublication(AssessmentRoundRepository rounds, AssessmentProperties properties,
                     NamedParameterJdbcTemplate jdbc, IdentityService identity, Clock clock,
                     org.camunda.bpm.engine.RuntimeService runtime, org.springframework.context.ApplicationEventPublisher events) {
        this.runtime = runtime;
        this.events = events;
        this.rounds = rounds;
        this.properties = properties;
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** HR completes the review: refused (CONFLICT ROUND_INCOMPLETE) while a result is still open. */
    void review(DelegateTask task) {
        long roundId = ((Number) task.getVariable("roundId")).longValue();
        // A manager who left meanwhile holds nothing up: their result is excluded at publication.
        Integer open = jdbc.queryForObject("select count(*) from assessment_result r join customer_manager m on m.id = r.manager_id"
                + " where r.round_id = :round and r.state not in ('CONFIRMED', 'EXCLUDED') and m.status <> 'LEFT'",
                new MapSqlParameterSource("round", roundId), Integer.class);
        if (open != null && open > 0) {
            throw DomainException.conflict("input.taskId", "ROUND_INCOMPLETE", "error.assessment.incomplete", open);
        }
        task.getExecution().setVariable("publishedBy", DecidedBy.actor(identity, task));
    }

    /** Ranks the round's confirmed results within branch and grade: one read, one batch of updates. */
    void rank(long roundId) {
        MapSqlParameterSource p = new MapSqlParameterSource("round", roundId);
        List<Ranking.Entry> entries = jdbc.query("select id, branch_id, grade, total_score from assessment_result"
                        + " where round_id = :round and state = 'CONFIRMED' order by branch_id, grade, total_score desc, id", p,
                (rs, i) -> new Ranking.Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4)));
        List<MapSqlParameterSource> places = Ranking.rank(entries).stream().map(place -> new MapSqlParameterSource("id", place.id())
                .addValue("rank", place.rank()).addValue("size", place.groupSize()).addValue("top", place.topPercent())).toList();
        if (!places.isEmpty()) {
            jdbc.batchUpdate("update assessment_result set rank_in_group = :rank, group_size = :size, top_percent = :top where id = :id",
                    places.toArray(MapSqlParameterSource[]::new));
        }
    }

    void publish(DelegateExecution execution) {
        long roundId = ((Number) execution.getVariable("roundId")).longValue();
        AssessmentRound round = rounds.findById(roundId).orElseThrow();
        MapSqlParameterSource p = new MapSqlParameterSource("round", roundId);
        // Those who left: their unfinished assessments end here, and their results are excluded.
        for (String pi : jdbc.queryForList("select r.process_instance_id from assessment_result r join customer_manager m"
                + " on m.id = r.manager_id where r.round_id = :round and r.state in ('PENDING', 'IN_PROGRESS', 'SCORED')"
                + " and m.status = 'LEFT' and r.process_instance_id is not null", p, String.class)) {
            if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
                runtime.deleteProcessInstance(pi, "MANAGER_LEFT");
            }
        }
        jdbc.update("update assessment_result set state = 'EXCLUDED', exclusion_reason = 'LEFT' where round_id = :round"
                + " and state <> 'EXCLUDED' and manager_id in (select id from customer_manager where status = 'LEFT')", p);
        rank(roundId);
        Instant now = clock.instant();
        round.published((String) execution.getVariable("publishedBy"), now, now.plus(Duration.ofDays(properties.objectionDays())));
        if (round.getKind() == RoundKind.SKILLS_TEST) {
            for (Long manager : jdbc.queryForList("select manager_id from assessment_result where round_id = :round"
                    + " and state = 'CONFIRMED' and total_score < :pass order by manager_id", p.addValue("pass", properties.skillsPassScore()),
                    Long.class)) {
                events.publishEvent(new ExitReviewDue(manager, ExitReviewDue.Cause.SKILLS_TEST_FAILED, "ROUND-" + roundId,
                        execution.getProcessInstanceId()));
            }
        }
    }
}
