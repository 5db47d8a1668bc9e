package com.hongda.cms.assessment;

import com.hongda.cms.common.DomainException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR's spreadsheet of performance figures for a round (HR lives in Excel): every row is checked —
 * the sheet itself ({@link PerformanceSheet}), then that each employee is a manager of the round whose
 * figures are still open — and only a sheet without a single error is imported: each row completes
 * that manager's "Performance figures" task as HR would, all in one transaction, so nothing is
 * half-imported.
 */
@Service
public class PerformanceImport {

    /** A sheet refused, with every error found. */
    public static final class Rejected extends RuntimeException {
        private final transient List<SheetError> errors;

        Rejected(List<SheetError> errors) {
            super("the sheet has " + errors.size() + " errors");
            this.errors = List.copyOf(errors);
        }

        public List<SheetError> errors() {
            return errors;
        }
    }

    private final AssessmentRounds rounds;
    private final JdbcTemplate jdbc;
    private final TaskService tasks;

    PerformanceImport(AssessmentRounds rounds, JdbcTemplate jdbc, TaskService tasks) {
        this.rounds = rounds;
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    /** Imports the figures; returns how many managers' figures were entered, or throws {@link Rejected}. */
    @Transactional
    public int importFigures(long roundId, InputStream sheet) {
        AssessmentRound round = rounds.get("roundId", roundId);
        if (round.getState() != RoundState.OPEN || round.getKind() == RoundKind.SKILLS_TEST || round.getKind() == RoundKind.ANNUAL) {
            throw DomainException.conflict("roundId", "NO_FIGURES", "error.assessment.noFigures");
        }
        PerformanceSheet.Parsed parsed = PerformanceSheet.parse(sheet, round.getManagerCount() + 100);
        if (!parsed.ok()) {
            throw new Rejected(parsed.errors());
        }
        Map<String, String> caseOf = new HashMap<>();
        jdbc.query("select upper(m.employee_no), r.process_instance_id from assessment_result r join customer_manager m"
                + " on m.id = r.manager_id where r.round_id = ? and r.state = 'IN_PROGRESS'", rs -> {
            caseOf.put(rs.getString(1), rs.getString(2));
        }, roundId);
        List<SheetError> errors = new ArrayList<>();
        Map<SheetRow, Task> open = new HashMap<>();
        for (SheetRow row : parsed.rows()) {
            String pi = caseOf.get(row.employeeNo().toUpperCase(Locale.ROOT));
            Task task = pi == null ? null
                    : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("performanceFigures").singleResult();
            if (pi == null) {
                errors.add(new SheetError(row.row(), PerformanceSheet.EMPLOYEE_NO, "NOT_IN_ROUND", "error.sheet.notInRound",
                        List.of("A" + row.row(), row.employeeNo())));
            } else if (task == null) {
                errors.add(new SheetError(row.row(), PerformanceSheet.EMPLOYEE_NO, "ALREADY_ENTERED", "error.sheet.alreadyEntered",
                        List.of("A" + row.row(), row.employeeNo())));
            } else {
                open.put(row, task);
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        open.forEach((row, task) -> {
            Map<String, Object> values = new HashMap<>();
            for (Map.Entry<Indicator, BigDecimal> e : row.figures().entrySet()) {
                values.put(e.getKey().key(), e.getValue().doubleValue());
            }
            tasks.complete(task.getId(), values);
        });
        return open.size();
    }
}
