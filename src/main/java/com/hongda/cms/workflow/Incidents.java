package com.hongda.cms.workflow;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open incidents of every process family, and their retry. An incident is a job (automatic step or
 * timer) that failed on every attempt; the case waits there. Read from the engine's runtime tables,
 * with the case's business key and process key, newest first; retrying gives the failed job one more
 * attempt, logged in the engine's user operation log under the operator's name.
 */
@Service
public class Incidents {

    private static final String FROM = "ACT_RU_INCIDENT I left join ACT_RU_EXECUTION E on E.ID_ = I.PROC_INST_ID_ "
            + "left join ACT_RE_PROCDEF D on D.ID_ = I.PROC_DEF_ID_ ";
    private static final String SELECT = "select I.ID_, I.PROC_INST_ID_, I.PROC_DEF_ID_, I.ACTIVITY_ID_, I.INCIDENT_TYPE_, "
            + "I.INCIDENT_MSG_, I.INCIDENT_TIMESTAMP_, I.CONFIGURATION_, E.BUSINESS_KEY_ "
            + "from " + FROM;

    private final NamedParameterJdbcTemplate jdbc;
    private final ManagementService management;
    private final ModelNames names;
    private final Paging paging;

    Incidents(NamedParameterJdbcTemplate jdbc, ManagementService management, ModelNames names, Paging paging) {
        this.jdbc = jdbc;
        this.management = management;
        this.names = names;
        this.paging = paging;
    }

    /** The open incidents of these process instances. */
    @Transactional(readOnly = true)
    public Map<String, List<IncidentView>> open(Collection<String> processInstanceIds, Locale locale) {
        Map<String, List<IncidentView>> result = new HashMap<>();
        if (!processInstanceIds.isEmpty()) {
            jdbc.query(SELECT + "where I.PROC_INST_ID_ in (:ids) order by I.INCIDENT_TIMESTAMP_, I.ID_",
                    new MapSqlParameterSource("ids", processInstanceIds),
                    rs -> {
                        IncidentView v = row(rs, locale);
                        result.computeIfAbsent(v.processInstanceId(), k -> new ArrayList<>()).add(v);
                    });
        }
        return result;
    }

    /** Open incidents, newest first. */
    @Transactional(readOnly = true)
    public Connection<IncidentView> page(IncidentFilter filter, PageArgs args, Locale locale) {
        IncidentFilter f = filter == null ? IncidentFilter.NONE : filter;
        StringBuilder where = new StringBuilder("where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (f.processDefinitionKey() != null) {
            where.append(" and D.KEY_ = :pdKey");
            params.addValue("pdKey", f.processDefinitionKey());
        }
        if (f.businessKey() != null) {
            where.append(" and E.BUSINESS_KEY_ = :bk");
            params.addValue("bk", f.businessKey());
        }
        String from = SELECT + where;
        Paging.Window w = paging.window(args, () -> count(where.toString(), params));
        params.addValue("limit", w.size() + 1).addValue("offset", w.offset());
        List<IncidentView> rows = jdbc.query(from + " order by I.INCIDENT_TIMESTAMP_ desc, I.ID_ desc limit :limit offset :offset",
                params, (rs, i) -> row(rs, locale));
        return paging.connection(w, rows, () -> count(where.toString(), params));
    }

    /**
     * Gives the failed job of an incident one more attempt; the engine then resolves the incident and
     * its job executor runs the job. Returns the incident as it was.
     */
    @Transactional
    public IncidentView retry(String incidentId, Locale locale) {
        List<IncidentView> found = incidentId == null || incidentId.length() > 64 ? List.of()
                : jdbc.query(SELECT + "where I.ID_ = :id", new MapSqlParameterSource("id", incidentId), (rs, i) -> row(rs, locale));
        if (found.isEmpty()) {
            throw DomainException.notFound("input.incidentId", "incident", incidentId);
        }
        IncidentView incident = found.get(0);
        if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.type()) || incident.jobId() == null) {
            throw DomainException.badRequest("input.incidentId", "NOT_RETRYABLE", "error.incident.notRetryable", incident.type());
        }
        management.setJobRetries(incident.jobId(), 1);
        return incident;
    }

    private long count(String where, MapSqlParameterSource params) {
        Long n = jdbc.queryForObject("select count(*) from " + FROM + where, params, Long.class);
        return n == null ? 0 : n;
    }

    private IncidentView row(ResultSet rs, Locale locale) throws SQLException {
        String pd = rs.getString(3);
        String step = rs.getString(4);
        String key = ModelNames.processKey(pd);
        return new IncidentView(rs.getString(1), rs.getString(2), key, rs.getString(9), step,
                step == null ? null : names.step(pd, key, step, locale), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), Incident.FAILED_JOB_HANDLER_TYPE.equals(rs.getString(5)) ? rs.getString(8) : null);
    }
}
