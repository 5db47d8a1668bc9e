package com.hongda.cms.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where cases stand now, for any process family: the open tasks, the automatic steps queued for the
 * engine and the timers a case waits for, each failed one with its incident. Read from the engine's
 * runtime tables for a whole page of cases at once (three statements, whatever the page size).
 * Reminder timers beside a task are not steps of their own: the task is.
 */
@Component
public class CaseSteps {

    private final NamedParameterJdbcTemplate jdbc;
    private final ModelNames names;
    private final Incidents incidents;

    CaseSteps(NamedParameterJdbcTemplate jdbc, ModelNames names, Incidents incidents) {
        this.jdbc = jdbc;
        this.names = names;
        this.incidents = incidents;
    }

    /** The current steps of each of these process instances (absent: none, e.g. the case ended). */
    public Map<String, List<CaseStep>> current(Collection<String> processInstanceIds, Locale locale) {
        Map<String, List<CaseStep>> steps = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return steps;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", processInstanceIds);
        Map<String, IncidentView> failed = new HashMap<>();
        incidents.open(processInstanceIds, locale).values().forEach(list -> list.forEach(i -> failed.put(i.jobId(), i)));
        jdbc.query("select PROC_INST_ID_, PROC_DEF_ID_, TASK_DEF_KEY_, DUE_DATE_ from ACT_RU_TASK "
                + "where PROC_INST_ID_ in (:ids) order by CREATE_TIME_, ID_", ids, rs -> {
            String pd = rs.getString(2);
            steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CaseStep(rs.getString(3),
                    names.step(pd, ModelNames.processKey(pd), rs.getString(3), locale), CaseStep.Kind.TASK,
                    instant(rs.getTimestamp(4)), null));
        });
        // One entry per step (a panel's continuations are one automatic step, not ten); a failed one wins.
        Map<String, Integer> at = new HashMap<>();
        // The job's step is its job definition's activity (a multi-instance body's is "<step>#multiInstanceBody").
        jdbc.query("select J.PROCESS_INSTANCE_ID_, J.PROCESS_DEF_ID_, D.ACT_ID_, J.HANDLER_TYPE_, J.DUEDATE_, J.ID_ "
                + "from ACT_RU_JOB J left join ACT_RU_JOBDEF D on D.ID_ = J.JOB_DEF_ID_ "
                + "where J.PROCESS_INSTANCE_ID_ in (:ids) and J.HANDLER_TYPE_ in ('async-continuation', 'timer-intermediate-transition') "
                + "order by J.ID_", ids, rs -> {
            String pi = rs.getString(1);
            String pd = rs.getString(2);
            String step = rs.getString(3);
            if (step == null) {
                return;
            }
            int body = step.indexOf('#');
            step = body < 0 ? step : step.substring(0, body);
            CaseStep.Kind kind = "async-continuation".equals(rs.getString(4)) ? CaseStep.Kind.AUTOMATIC : CaseStep.Kind.WAITING;
            CaseStep found = new CaseStep(step, names.step(pd, ModelNames.processKey(pd), step, locale), kind,
                    instant(rs.getTimestamp(5)), failed.get(rs.getString(6)));
            List<CaseStep> list = steps.computeIfAbsent(pi, k -> new ArrayList<>());
            Integer index = at.get(pi + "#" + step);
            if (index == null) {
                at.put(pi + "#" + step, list.size());
                list.add(found);
            } else if (found.incident() != null) {
                list.set(index, found);
            }
        });
        return steps;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
