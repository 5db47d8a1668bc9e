package com.hongda.cms.assessment;

import com.hongda.cms.branch.Branches;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first step of a round (a job of its own): one result row per manager in scope, made in one
 * statement, with the exclusions the rules make (docs/rules.md#assessment-scope): TRAINEE,
 * SUSPENDED, and on leave for more than half of the period; those who left are not in scope. Then,
 * for a percentage or skills round, the batches whose jobs start the assessments; for the annual
 * review, every score at once from the year's published rounds, weighted by kind as the scheme says.
 */
@Component("assessmentRoundPrepare")
class RoundPreparation implements JavaDelegate {

    private final AssessmentRoundRepository rounds;
    private final AssessmentSchemes schemes;
    private final AssessmentProperties properties;
    private final Branches branches;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    RoundPreparation(AssessmentRoundRepository rounds, AssessmentSchemes schemes, AssessmentProperties properties,
                     Branches branches, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.rounds = rounds;
        this.schemes = schemes;
        this.properties = properties;
        this.branches = branches;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long roundId = ((Number) execution.getVariable("roundId")).longValue();
        AssessmentRound round = rounds.findById(roundId).orElseThrow();
        MapSqlParameterSource p = new MapSqlParameterSource("round", roundId)
                .addValue("now", Timestamp.from(clock.instant()))
                .addValue("start", Date.valueOf(round.getPeriodStart())).addValue("end", Date.valueOf(round.getPeriodEnd()));
        String scope = "";
        if (round.getBranchId() != null) {
            Set<Long> ids = branches.withBranchesBelow(round.getBranchId());
            p.addValue("branches", ids);
            scope = " and m.branch_id in (:branches)";
        }
        jdbc.update("insert into assessment_result (round_id, manager_id, branch_id, grade, state, exclusion_reason,"
                + " complaint_deduction, updated_at, version)"
                + " select :round, m.id, m.branch_id, m.grade,"
                + " case when m.grade = 'TRAINEE' or m.status = 'SUSPENDED' then 'EXCLUDED' else 'PENDING' end,"
                + " case when m.grade = 'TRAINEE' then 'TRAINEE' when m.status = 'SUSPENDED' then 'SUSPENDED' end, 0, :now, 0"
                + " from customer_manager m where m.status <> 'LEFT'" + scope, p);
        excludeOnLeave(round, p);
        if (round.getKind() == RoundKind.ANNUAL) {
            scoreTheYear(round, p);
        }
        Integer total = jdbc.queryForObject("select count(*) from assessment_result where round_id = :round", p, Integer.class);
        Integer excluded = jdbc.queryForObject("select count(*) from assessment_result where round_id = :round and state = 'EXCLUDED'",
                p, Integer.class);
        round.counted(total, excluded, clock.instant());
        List<Integer> batches = new ArrayList<>();
        if (round.getKind() != RoundKind.ANNUAL) {
            int pending = total - excluded;
            for (int b = 0; b * properties.batchSize() < pending; b++) {
                batches.add(b);
            }
        }
        execution.setVariable("batches", batches);
    }

    /** Leave covering more than half of the period's days (both ends included) excludes the manager. */
    private void excludeOnLeave(AssessmentRound round, MapSqlParameterSource p) {
        Map<Long, Long> days = new HashMap<>();
        jdbc.query("select l.manager_id, l.starts_on, l.ends_on from manager_leave l join assessment_result r"
                + " on r.manager_id = l.manager_id and r.round_id = :round and r.state = 'PENDING'"
                + " where l.starts_on <= :end and l.ends_on >= :start", p, rs -> {
            LocalDate from = max(rs.getDate(2).toLocalDate(), round.getPeriodStart());
            LocalDate to = min(rs.getDate(3).toLocalDate(), round.getPeriodEnd());
            days.merge(rs.getLong(1), ChronoUnit.DAYS.between(from, to) + 1, Long::sum);
        });
        long period = ChronoUnit.DAYS.between(round.getPeriodStart(), round.getPeriodEnd()) + 1;
        List<MapSqlParameterSource> onLeave = days.entrySet().stream().filter(e -> e.getValue() * 2 > period)
                .map(e -> new MapSqlParameterSource("round", round.getId()).addValue("manager", e.getKey())).toList();
        if (!onLeave.isEmpty()) {
            jdbc.batchUpdate("update assessment_result set state = 'EXCLUDED', exclusion_reason = 'ON_LEAVE'"
                    + " where round_id = :round and manager_id = :manager", onLeave.toArray(MapSqlParameterSource[]::new));
        }
    }

    /**
     * The annual review: each manager's score is the mean of their confirmed results in the year's
     * published rounds, each weighted by the scheme's weight of its kind; one read, one batch of updates.
     * A manager without any is excluded (NO_RESULTS).
     */
    private void scoreTheYear(AssessmentRound round, MapSqlParameterSource p) {
        Map<RoundKind, BigDecimal> weights = schemes.of(round.getSchemeDefinitionId(), RoundKind.ANNUAL).annualWeights();
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        jdbc.query("select r.manager_id, o.kind, r.total_score from assessment_result r join assessment_round o on o.id = r.round_id"
                + " where o.state = 'PUBLISHED' and o.kind <> 'ANNUAL' and o.period_start >= :start and o.period_end <= :end"
                + " and r.state = 'CONFIRMED' and r.total_score is not null and r.manager_id in"
                + " (select manager_id from assessment_result where round_id = :round and state = 'PENDING')", p, rs -> {
            BigDecimal w = weights.getOrDefault(RoundKind.valueOf(rs.getString(2)), BigDecimal.ZERO);
            BigDecimal[] s = sums.computeIfAbsent(rs.getLong(1), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(rs.getBigDecimal(3).multiply(w));
            s[1] = s[1].add(w);
        });
        List<MapSqlParameterSource> scored = new ArrayList<>();
        sums.forEach((manager, s) -> {
            if (s[1].signum() > 0) {
                scored.add(new MapSqlParameterSource("round", round.getId()).addValue("manager", manager)
                        .addValue("total", Scoring.round(s[0].divide(s[1], MathContext.DECIMAL64))).addValue("now", p.getValue("now")));
            }
        });
        if (!scored.isEmpty()) {
            jdbc.batchUpdate("update assessment_result set state = 'CONFIRMED', total_score = :total, confirmed_by = 'system',"
                    + " confirmed_at = :now where round_id = :round and manager_id = :manager",
                    scored.toArray(MapSqlParameterSource[]::new));
        }
        jdbc.update("update assessment_result set state = 'EXCLUDED', exclusion_reason = 'NO_RESULTS'"
                + " where round_id = :round and state = 'PENDING'", p);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
