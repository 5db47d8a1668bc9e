package com.hongda.cms.assessment;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.visit.VisitCoverage;
import com.hongda.cms.visit.VisitSchedules;
import com.hongda.cms.workflow.DecidedBy;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the steps of a manager's assessment do to the result (beans named in bpmn/assessment.bpmn):
 * record each part with who entered it, compute the score by the round's scheme, and record the
 * supervisor's confirmation. All in the engine's transaction, with the task's completion.
 */
@Component
class AssessmentSteps {

    private final AssessmentResultRepository results;
    private final AssessmentRoundRepository rounds;
    private final AssessmentSchemes schemes;
    private final VisitSchedules schedules;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final jakarta.persistence.EntityManager entityManager;

    AssessmentSteps(AssessmentResultRepository results, AssessmentRoundRepository rounds, AssessmentSchemes schemes,
                    VisitSchedules schedules, IdentityService identity, JdbcTemplate jdbc, Clock clock, jakarta.persistence.EntityManager entityManager) {
        this.entityManager = entityManager;
        this.results = results;
        this.rounds = rounds;
        this.schemes = schemes;
        this.schedules = schedules;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A part's task completed: its values go to the result, with who entered them. The parts of one
     * manager arrive in parallel, possibly at the same moment: each writes only its own two columns in
     * one statement, so they never conflict (the row's version is not touched).
     */
    @Transactional
    public void part(DelegateTask task) {
        AssessmentResult result = result(task.getExecution());
        String by = DecidedBy.actor(identity, task);
        switch (task.getTaskDefinitionKey()) {
            case "selfAssessment" -> write(result, "self_scores", "self_entered_by", PartValues.scores(qualitative(task, "self")), by);
            case "supervisorRating" -> write(result, "supervisor_scores", "supervisor_entered_by",
                    PartValues.scores(qualitative(task, "supervisor")), by);
            case "performanceFigures" -> {
                Map<Indicator, BigDecimal> figures = new EnumMap<>(Indicator.class);
                for (Indicator i : Indicator.performance()) {
                    figures.put(i, number(task.getVariable(i.key())));
                }
                write(result, "performance_scores", "performance_entered_by", PartValues.scores(figures), by);
            }
            case "customerRatings" -> {
                List<BigDecimal> ratings = new ArrayList<>();
                for (String key : List.of("customerRating1", "customerRating2", "customerRating3")) {
                    if (task.getVariable(key) != null) {
                        ratings.add(number(task.getVariable(key)));
                    }
                }
                write(result, "customer_ratings", "customer_entered_by", PartValues.ratings(ratings), by);
            }
            case "recordSkillsTest" -> write(result, "performance_scores", "performance_entered_by",
                    PartValues.ratings(List.of(number(task.getVariable("skillsScore")))), by);
            default -> throw new IllegalStateException("no part for the step " + task.getTaskDefinitionKey());
        }
    }

    /** The column names are this class's constants, never input. */
    private void write(AssessmentResult result, String valuesColumn, String byColumn, String json, String by) {
        jdbc.update("update assessment_result set " + valuesColumn + " = ?, " + byColumn + " = ?, updated_at = ? where id = ?",
                json, by, java.sql.Timestamp.from(clock.instant()), result.getId());
    }

    /**
     * All parts are in (the join is a job of its own, after every part's transaction): the score by the scheme the round
     * keeps, with the customer-visits indicator from the manager's visit coverage on the period's last day (kept on the
     * result as read, for the auditor) and the period's substantiated complaints deducted; a skills test's score is the test's.
     */
    @Transactional
    public void score(DelegateExecution execution) {
        AssessmentResult result = result(execution);
        // The parts were written by statements of their own (see part), possibly in this very transaction.
        entityManager.refresh(result);
        AssessmentRound round = rounds.findById(result.getRoundId()).orElseThrow();
        if (round.getKind() == RoundKind.SKILLS_TEST) {
            result.scored(PartValues.ratings(result.getPerformanceScores()).get(0), clock.instant());
            return;
        }
        Integer complaints = jdbc.queryForObject("select count(*) from assessment_complaint where manager_id = ?"
                + " and occurred_on between ? and ?", Integer.class, result.getManagerId(),
                Date.valueOf(round.getPeriodStart()), Date.valueOf(round.getPeriodEnd()));
        Scheme scheme = schemes.of(round.getSchemeDefinitionId(), round.getKind());
        VisitCoverage visits = schedules.coverage(result.getManagerId(), round.getPeriodEnd());
        Map<Indicator, BigDecimal> performance = PartValues.scores(result.getPerformanceScores());
        performance.put(Indicator.VISITS, visits.percent());
        Scoring.Score score = Scoring.score(scheme, new Scoring.Parts(PartValues.scores(result.getSelfScores()),
                PartValues.scores(result.getSupervisorScores()), performance,
                PartValues.ratings(result.getCustomerRatings()), complaints == null ? 0 : complaints));
        result.scored(score, PartValues.scores(score.indicators()), PartValues.coverage(visits), clock.instant());
    }

    /** The supervisor confirmed the score. */
    @Transactional
    public void confirm(DelegateTask task) {
        result(task.getExecution()).confirmed(DecidedBy.actor(identity, task), clock.instant());
    }

    private AssessmentResult result(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("resultId")).longValue();
        AssessmentResult result = results.findById(id).orElseThrow(() -> new IllegalStateException("no result " + id));
        if (rounds.findById(result.getRoundId()).map(r -> r.getState() == RoundState.PUBLISHED).orElse(false)) {
            throw DomainException.conflict("taskId", "ROUND_PUBLISHED", "error.assessment.published");
        }
        return result;
    }

    private static Map<Indicator, BigDecimal> qualitative(DelegateTask task, String prefix) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.qualitative()) {
            values.put(i, number(task.getVariable(prefix + Character.toUpperCase(i.key().charAt(0)) + i.key().substring(1))));
        }
        return values;
    }

    private static BigDecimal number(Object value) {
        if (value == null) {
            throw new IllegalStateException("a required value is missing");
        }
        return new BigDecimal(value.toString());
    }
}
