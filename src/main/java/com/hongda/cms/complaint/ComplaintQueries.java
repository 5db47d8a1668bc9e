package com.hongda.cms.complaint;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.customer.Contact;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import jakarta.persistence.criteria.Predicate;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads complaints as the rules allow (docs/rules.md#complaint-visibility), masks the complainant's
 * contact for those not entitled, and computes the SLA and satisfaction figures in the database.
 */
@Service
public class ComplaintQueries {

    /** Roles that see every complaint. */
    private static final Role[] ALL = {Role.SERVICE_DESK, Role.SERVICE_DIRECTOR, Role.AUDITOR, Role.ADMIN};
    private static final int MAX_DAYS = 366;

    private final ComplaintRepository complaints;
    private final ComplaintEscalationRepository escalations;
    private final ComplaintRouteRepository routes;
    private final ManagerService managers;
    private final CustomerService customers;
    private final ComplaintProperties properties;
    private final Paging paging;
    private final NamedParameterJdbcTemplate jdbc;

    ComplaintQueries(ComplaintRepository complaints, ComplaintEscalationRepository escalations, ComplaintRouteRepository routes,
                     ManagerService managers, CustomerService customers, ComplaintProperties properties, Paging paging,
                     NamedParameterJdbcTemplate jdbc) {
        this.complaints = complaints;
        this.escalations = escalations;
        this.routes = routes;
        this.managers = managers;
        this.customers = customers;
        this.properties = properties;
        this.paging = paging;
        this.jdbc = jdbc;
    }

    /** The filters of the complaints query, each backed by an index. */
    public record Filter(List<ComplaintState> states, Long branchId, Long managerId, Long customerId, Integer minLevel) {
    }

    /** The orders of the complaints query. */
    public enum Order { URGENCY, NEWEST }

    @Transactional(readOnly = true)
    public Connection<Complaint> page(Filter filter, Order order, PageArgs args) {
        Filter f = filter == null ? new Filter(null, null, null, null, null) : filter;
        Specification<Complaint> managerFilter = f.managerId() == null ? null
                : (root, q, cb) -> cb.or(cb.equal(root.get("managerId"), f.managerId()), cb.equal(root.get("responsibleManagerId"), f.managerId()));
        Specification<Complaint> states = f.states() == null || f.states().isEmpty() ? null : (root, q, cb) -> root.get("state").in(f.states());
        Specification<Complaint> level = f.minLevel() == null ? null : (root, q, cb) -> cb.ge(root.get("escalationLevel"), f.minLevel());
        Specification<Complaint> spec = Specification.allOf(states, Specs.equal("branchId", f.branchId()), managerFilter,
                Specs.equal("customerId", f.customerId()), level, visible());
        Sort sort = order == Order.NEWEST ? Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("id"))
                : Sort.by(Sort.Order.asc("firstResponseDue"), Sort.Order.asc("id"));
        return paging.page(Complaint.class, spec, sort, args);
    }

    /** The complaint, if it exists and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<Complaint> find(long id) {
        return complaints.findOne(Specification.allOf((root, q, cb) -> cb.equal(root.get("id"), id), visible()));
    }

    /**
     * Who sees which complaints: SERVICE_DESK, SERVICE_DIRECTOR, AUDITOR, ADMIN all; HR those escalated to
     * level 2 (where HR is notified) or higher; a supervisor those about or of the managers they supervise;
     * a manager those of their customers and about themselves.
     */
    private Specification<Complaint> visible() {
        if (CurrentUser.hasAnyRole(ALL)) {
            return null;
        }
        String me = CurrentUser.id();
        boolean hr = CurrentUser.hasAnyRole(Role.HR);
        Specification<Complaint> aboutSupervised = CurrentUser.hasAnyRole(Role.SUPERVISOR) ? managers.supervisedBy(me, "managerId") : null;
        Specification<Complaint> ofSupervised = CurrentUser.hasAnyRole(Role.SUPERVISOR) ? managers.supervisedBy(me, "responsibleManagerId") : null;
        Long own = CurrentUser.hasAnyRole(Role.MANAGER) ? managers.findByUser(me).map(CustomerManager::getId).orElse(null) : null;
        return (root, query, cb) -> {
            List<Predicate> any = new ArrayList<>();
            if (hr) {
                any.add(cb.ge(root.get("escalationLevel"), 2));
            }
            if (aboutSupervised != null) {
                any.add(aboutSupervised.toPredicate(root, query, cb));
                any.add(ofSupervised.toPredicate(root, query, cb));
            }
            if (own != null) {
                any.add(cb.equal(root.get("responsibleManagerId"), own));
                any.add(cb.equal(root.get("managerId"), own));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }

    /**
     * The complainant's contact of each of these complaints as the caller may see it: in clear for the
     * contact readers of customers (the service desk, the auditor, the administrator), for the complaint's
     * handler, for the responsible manager unless the complaint is about them, and for that manager's
     * supervisors; masked for everyone else.
     */
    @Transactional(readOnly = true)
    public Map<Complaint, String> contacts(List<Complaint> batch) {
        Map<Complaint, String> out = new HashMap<>();
        if (customers.seesAllContacts()) {
            batch.forEach(c -> out.put(c, c.getComplainantContact()));
            return out;
        }
        String me = CurrentUser.id();
        Map<Long, CustomerManager> responsible = managers.byIds(batch.stream().map(Complaint::getResponsibleManagerId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Set<Long> supervised = managers.supervisedBy(me, responsible.values());
        for (Complaint c : batch) {
            CustomerManager owner = c.getResponsibleManagerId() == null ? null : responsible.get(c.getResponsibleManagerId());
            boolean entitled = me.equals(c.getHandlerUserId())
                    || owner != null && (supervised.contains(owner.getId())
                    || me.equals(owner.getUserId()) && !owner.getId().equals(c.getManagerId()));
            out.put(c, entitled ? c.getComplainantContact() : Contact.mask(c.getComplainantContact()));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Map<Long, List<ComplaintEscalation>> escalations(Collection<Long> ids) {
        return escalations.findByComplaintIdInOrderById(ids).stream().collect(Collectors.groupingBy(ComplaintEscalation::getComplaintId));
    }

    @Transactional(readOnly = true)
    public Map<Long, List<ComplaintRoute>> routes(Collection<Long> ids) {
        return routes.findByComplaintIdInOrderById(ids).stream().collect(Collectors.groupingBy(ComplaintRoute::getComplaintId));
    }

    /** How the figures are grouped. */
    public enum Grouping { BRANCH, MANAGER, TIER, MONTH }

    /** The period (days, both inclusive) and scope of the figures. */
    public record FiguresFilter(LocalDate from, LocalDate to, Long branchId, Long managerId, String tier) {
    }

    /** The figures of one group. */
    public record Figures(String key, int count, Double respondedWithinSlaShare, Double meanFirstResponseMinutes, Integer p90FirstResponseMinutes,
                          Double meanResolutionMinutes, Integer p90ResolutionMinutes, double reopenRate, Double meanSatisfaction) {
    }

    /**
     * The figures of the complaints registered in the period, per group: count, share answered within the
     * SLA, mean and 90th percentile of the minutes to first response and to resolution, reopen rate and mean
     * satisfaction. One statement; the period (at most 366 days) bounds it, and every filter is indexed
     * with the registration time. The 90th percentile is the smallest value at or above which 10 % lie
     * (nearest rank: the ⌈0.9 n⌉-th smallest).
     */
    @Transactional(readOnly = true)
    public List<Figures> figures(FiguresFilter f, Grouping grouping) {
        if (f.to().isBefore(f.from()) || ChronoUnit.DAYS.between(f.from(), f.to()) >= MAX_DAYS) {
            throw DomainException.badRequest("filter.to", "DATE_RANGE", "error.complaint.figuresPeriod", MAX_DAYS);
        }
        String key = switch (grouping) {
            case BRANCH -> "cast(c.branch_id as char(20))";
            case MANAGER -> "cast(c.responsible_manager_id as char(20))";
            case TIER -> "coalesce(c.tier, 'UNKNOWN')";
            case MONTH -> "cast(extract(year from c.registered_at) * 100 + extract(month from c.registered_at) as char(8))";
        };
        MapSqlParameterSource p = new MapSqlParameterSource("from", Timestamp.from(f.from().atStartOfDay().toInstant(ZoneOffset.UTC)))
                .addValue("to", Timestamp.from(f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        StringBuilder where = new StringBuilder(" where c.registered_at >= :from and c.registered_at < :to");
        if (f.branchId() != null) {
            where.append(" and c.branch_id = :branch");
            p.addValue("branch", f.branchId());
        }
        if (f.managerId() != null) {
            where.append(" and c.responsible_manager_id = :manager");
            p.addValue("manager", f.managerId());
        }
        if (f.tier() != null) {
            where.append(" and c.tier = :tier");
            p.addValue("tier", f.tier());
        }
        String sql = "with base as (select " + key + " as k, c.first_response_minutes as fr, c.resolution_minutes as rs,"
                + " c.responded_within_sla as w, c.reopen_count as ro, c.satisfaction as s from complaint c" + where + "),"
                + " agg as (select k, count(*) as n, sum(case when w = true then 1 else 0 end) as within, count(fr) as answered,"
                + " avg(fr * 1.0) as mean_fr, avg(rs * 1.0) as mean_rs, sum(case when ro > 0 then 1 else 0 end) as reopened,"
                + " avg(s * 1.0) as mean_s from base group by k),"
                + " pfr as (select k, fr, row_number() over (partition by k order by fr) as rn, count(*) over (partition by k) as cnt"
                + " from base where fr is not null),"
                + " prs as (select k, rs, row_number() over (partition by k order by rs) as rn, count(*) over (partition by k) as cnt"
                + " from base where rs is not null)"
                + " select a.k, a.n, a.within, a.answered, a.mean_fr, a.mean_rs, a.reopened, a.mean_s,"
                + " (select min(x.fr) from pfr x where x.k = a.k and x.rn >= ceiling(0.9 * x.cnt)) as p90_fr,"
                + " (select min(y.rs) from prs y where y.k = a.k and y.rn >= ceiling(0.9 * y.cnt)) as p90_rs"
                + " from agg a order by a.k";
        return jdbc.query(sql, p, (rs, i) -> {
            int n = rs.getInt("n");
            int answered = rs.getInt("answered");
            return new Figures(rs.getString("k") == null ? "NONE" : rs.getString("k").strip(), n,
                    answered == 0 ? null : round(rs.getDouble("within") / answered), nullable(rs, "mean_fr"), integer(rs, "p90_fr"),
                    nullable(rs, "mean_rs"), integer(rs, "p90_rs"), n == 0 ? 0 : round(rs.getDouble("reopened") / n), nullable(rs, "mean_s"));
        });
    }

    private static Double nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : round(v);
    }

    private static Integer integer(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
