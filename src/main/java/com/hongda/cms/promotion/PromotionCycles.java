package com.hongda.cms.promotion;

import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Previews, opens and reads promotion cycles. */
@Service
public class PromotionCycles {

    static final String CYCLE_PROCESS = "promotion-cycle";
    static final String CYCLE_SUBJECT = "CYCLE";

    private final PromotionCycleRepository cycles;
    private final PromotionReviewRepository reviews;
    private final PromotionQuotaRepository quotas;
    private final CycleSurvey survey;
    private final Branches branches;
    private final CaseStarter starter;
    private final PromotionProperties properties;
    private final Paging paging;
    private final Clock clock;

    PromotionCycles(PromotionCycleRepository cycles, PromotionReviewRepository reviews, PromotionQuotaRepository quotas,
                    CycleSurvey survey, Branches branches, CaseStarter starter, PromotionProperties properties, Paging paging, Clock clock) {
        this.cycles = cycles;
        this.reviews = reviews;
        this.quotas = quotas;
        this.survey = survey;
        this.branches = branches;
        this.starter = starter;
        this.properties = properties;
        this.paging = paging;
        this.clock = clock;
    }

    /** The whole cycle as it would open now, with nothing started or stored: eligibility and why not, the quotas, who re-competes. */
    public record Preview(long branchId, int year, List<Quota> quotas, List<Standing> standings) {
    }

    @Transactional(readOnly = true)
    public Preview preview(long branchId, int year) {
        checkYear("year", year);
        branches.get("branchId", branchId);
        CycleSurvey.Survey s = survey.survey(branchId, year, LocalDate.now(clock));
        return new Preview(branchId, year, s.quotas(), s.standings());
    }

    /**
     * The committee opens the cycle of a branch for a performance year: the survey is stored (one review
     * per graded manager, the quotas), and the cycle's process invites the eligible and the re-competing
     * in the background. Once per branch and year (CONFLICT CYCLE_EXISTS); the deadline lies ahead, at
     * most 90 days (BAD_REQUEST DATE_RANGE).
     */
    @Transactional
    public PromotionCycle open(long branchId, int year, Instant deadline, String actor) {
        checkYear("input.year", year);
        Instant now = clock.instant();
        Instant due = deadline == null ? now.plus(Duration.ofDays(properties.applicationDays())) : deadline;
        if (!due.isAfter(now) || due.isAfter(now.plus(Duration.ofDays(90)))) {
            throw DomainException.badRequest("input.applicationDeadline", "DATE_RANGE", "error.promotion.deadline");
        }
        branches.get("input.branchId", branchId);
        PromotionCycle cycle;
        try {
            cycle = cycles.saveAndFlush(new PromotionCycle(branchId, year, due, actor, now));
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict("input.year", "CYCLE_EXISTS", "error.promotion.cycleExists", year);
        }
        CycleSurvey.Survey s = survey.survey(branchId, year, LocalDate.now(clock));
        long id = cycle.getId();
        reviews.saveAll(s.standings().stream().map(st -> new PromotionReview(id, st, now)).toList());
        quotas.saveAll(s.quotas().stream().map(q -> new PromotionQuota(id, q)).toList());
        Map<String, Object> vars = Map.of("cycleId", id, "applicationDeadline", java.util.Date.from(due),
                "stepWorkingDays", properties.stepWorkingDays());
        cycle.startedAs(starter.start(CYCLE_PROCESS, CYCLE_SUBJECT, new Subject(CYCLE_SUBJECT, String.valueOf(id)), vars).getId());
        return cycle;
    }

    private void checkYear(String field, int year) {
        if (year < 2000 || year > LocalDate.now(clock).getYear()) {
            throw DomainException.badRequest(field, "RANGE", "error.promotion.year");
        }
    }

    @Transactional(readOnly = true)
    public PromotionCycle get(String field, long id) {
        return cycles.findById(id).orElseThrow(() -> DomainException.notFound(field, "promotionCycle", id));
    }

    @Transactional(readOnly = true)
    public Optional<PromotionCycle> find(long id) {
        return cycles.findById(id);
    }

    @Transactional(readOnly = true)
    public Map<Long, PromotionCycle> byIds(Collection<Long> ids) {
        return cycles.findAllById(ids.stream().distinct().toList()).stream().collect(Collectors.toMap(PromotionCycle::getId, Function.identity()));
    }

    /** The filters of the cycles query, each backed by an index. */
    public record CycleFilter(Long branchId, Integer year, CycleState state) {
    }

    /** Cycles, newest year first; {@code only}: restricted to these ids (a judge's panels), null for all. */
    @Transactional(readOnly = true)
    public Connection<PromotionCycle> page(CycleFilter filter, Collection<Long> only, PageArgs args) {
        CycleFilter f = filter == null ? new CycleFilter(null, null, null) : filter;
        Specification<PromotionCycle> spec = Specification.allOf(Specs.equal("branchId", f.branchId()), Specs.equal("year", f.year()),
                Specs.equal("state", f.state()), only == null ? null : (root, q, cb) -> only.isEmpty() ? cb.disjunction() : root.get("id").in(only));
        return paging.page(PromotionCycle.class, spec, Sort.by(Sort.Order.desc("year"), Sort.Order.desc("id")), args);
    }

    /** The quotas of each of these cycles, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<Quota>> quotas(Collection<Long> cycleIds) {
        return quotas.findByCycleIdIn(cycleIds).stream().collect(Collectors.groupingBy(PromotionQuota::getCycleId,
                Collectors.mapping(PromotionQuota::toQuota, Collectors.toList())));
    }
}
