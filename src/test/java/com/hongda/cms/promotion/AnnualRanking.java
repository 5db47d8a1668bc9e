package com.hongda.cms.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A published annual review of a branch, as the assessment module leaves it (ranked within branch and
 * grade), written directly: the promotion tests' input, without running a year of assessment rounds
 * (the assessment tests run those).
 */
final class AnnualRanking {

    private AnnualRanking() {
    }

    /** One manager's place: grade, total, rank and group size. */
    record Row(long managerId, String grade, int total, int rank, int groupSize) {
    }

    static void publish(JdbcTemplate jdbc, long branchId, int year, Row... rows) {
        jdbc.update("insert into assessment_round (kind, period_start, period_end, branch_id, scheme_definition_id, state, manager_count,"
                + " excluded_count, opened_by, opened_at, updated_at, version) values ('ANNUAL', ?, ?, ?, 'scheme', 'PUBLISHED',"
                + " ?, 0, 'hr', current_timestamp, current_timestamp, 0)", java.sql.Date.valueOf(year + "-01-01"),
                java.sql.Date.valueOf(year + "-12-31"), branchId, rows.length);
        Long round = jdbc.queryForObject("select id from assessment_round where branch_id = ? and kind = 'ANNUAL' and period_start = ?",
                Long.class, branchId, java.sql.Date.valueOf(year + "-01-01"));
        for (Row r : rows) {
            jdbc.update("insert into assessment_result (round_id, manager_id, branch_id, grade, state, complaint_deduction, total_score,"
                    + " rank_in_group, group_size, top_percent, updated_at, version) values (?, ?, ?, ?, 'CONFIRMED', 0, ?, ?, ?, ?, current_timestamp, 0)",
                    round, r.managerId(), branchId, r.grade(), r.total(), r.rank(), r.groupSize(),
                    BigDecimal.valueOf(100.0 * r.rank() / r.groupSize()).setScale(2, RoundingMode.HALF_UP));
        }
    }
}
