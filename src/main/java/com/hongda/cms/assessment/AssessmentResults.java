package com.hongda.cms.assessment;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import jakarta.persistence.criteria.Subquery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads results as the rules allow (docs/rules.md#assessment-visibility): HR, COMMITTEE, AUDITOR and
 * ADMIN see all; a SUPERVISOR sees those of the managers they supervise (named, or heading their
 * branch or a branch above it); a MANAGER their own once the round is published; nobody else any.
 * The rule is part of the query, so paging and counts hold.
 */
@Service
public class AssessmentResults {

    private final Paging paging;
    private final ManagerService managers;
    private final AssessmentResultRepository results;

    AssessmentResults(Paging paging, ManagerService managers, AssessmentResultRepository results) {
        this.paging = paging;
        this.managers = managers;
        this.results = results;
    }

    /** The filters of the results query, each backed by an index. */
    public record ResultFilter(Long roundId, Long managerId, Long branchId, String grade, ResultState state) {
    }

    @Transactional(readOnly = true)
    public Connection<AssessmentResult> page(ResultFilter filter, PageArgs args) {
        ResultFilter f = filter == null ? new ResultFilter(null, null, null, null, null) : filter;
        Specification<AssessmentResult> spec = Specification.allOf(Specs.equal("roundId", f.roundId()),
                Specs.equal("managerId", f.managerId()), Specs.equal("branchId", f.branchId()), Specs.equal("grade", f.grade()),
                Specs.equal("state", f.state()), visible());
        return paging.page(AssessmentResult.class, spec, Sort.by("roundId", "branchId", "grade", "rankInGroup", "id"), args);
    }

    /**
     * The annual ranking of a year: the confirmed results of the published annual reviews whose period
     * starts in that year, by branch, grade and rank — what promotion and demotion read.
     */
    @Transactional(readOnly = true)
    public Connection<AssessmentResult> annualRanking(int year, Long branchId, String grade, PageArgs args) {
        if (year < 2000 || year > 2999) {
            throw com.hongda.cms.common.DomainException.badRequest("year", "RANGE", "error.assessment.year");
        }
        java.time.LocalDate from = java.time.LocalDate.of(year, 1, 1);
        java.time.LocalDate to = java.time.LocalDate.of(year, 12, 31);
        Specification<AssessmentResult> annual = (root, query, cb) -> {
            Subquery<Long> rounds = query.subquery(Long.class);
            var round = rounds.from(AssessmentRound.class);
            rounds.select(round.get("id")).where(cb.equal(round.get("kind"), RoundKind.ANNUAL),
                    cb.equal(round.get("state"), RoundState.PUBLISHED), cb.between(round.get("periodStart"), from, to));
            return root.get("roundId").in(rounds);
        };
        Specification<AssessmentResult> spec = Specification.allOf(annual, Specs.equal("branchId", branchId), Specs.equal("grade", grade),
                Specs.equal("state", ResultState.CONFIRMED), visible());
        return paging.page(AssessmentResult.class, spec, Sort.by("branchId", "grade", "rankInGroup", "id"), args);
    }

    /** A manager's place in a year's annual ranking: the total, the rank within branch and grade, the top percent. */
    public record AnnualStanding(long managerId, java.math.BigDecimal totalScore, int rank, int groupSize, java.math.BigDecimal topPercent) {
    }

    /**
     * The annual standing of each of these managers in a year (the published annual review whose period
     * starts in it), in one statement, whoever asks: the promotion cycle reads it for every graded
     * manager of a branch. Managers without a confirmed annual result are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, AnnualStanding> annualStandings(int year, Collection<Long> managerIds) {
        if (managerIds.isEmpty()) {
            return Map.of();
        }
        return results.annualStandings(java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 12, 31), managerIds).stream()
                .collect(java.util.stream.Collectors.toMap(AssessmentResult::getManagerId,
                        r -> new AnnualStanding(r.getManagerId(), r.getTotalScore(), r.getRankInGroup(), r.getGroupSize(), r.getTopPercent()),
                        (a, b) -> a));
    }

    /** The result, if it exists and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<AssessmentResult> find(long id) {
        return results.findOne(Specification.allOf(Specs.equal("id", id), visible()));
    }

    /** Whether the caller may read the entered parts of these results: HR, AUDITOR, ADMIN and the managers' supervisors. */
    @Transactional(readOnly = true)
    public Set<Long> partsReadable(Collection<AssessmentResult> batch) {
        if (CurrentUser.hasAnyRole(Role.HR, Role.AUDITOR, Role.ADMIN)) {
            return batch.stream().map(AssessmentResult::getId).collect(java.util.stream.Collectors.toSet());
        }
        var byManager = managers.byIds(batch.stream().map(AssessmentResult::getManagerId).toList());
        Set<Long> supervised = managers.supervisedBy(CurrentUser.id(), byManager.values());
        return batch.stream().filter(r -> supervised.contains(r.getManagerId())).map(AssessmentResult::getId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private Specification<AssessmentResult> visible() {
        if (CurrentUser.hasAnyRole(Role.HR, Role.COMMITTEE, Role.AUDITOR, Role.ADMIN)) {
            return null;
        }
        String me = CurrentUser.id();
        Specification<AssessmentResult> supervised = CurrentUser.hasAnyRole(Role.SUPERVISOR) ? managers.supervisedBy(me, "managerId") : null;
        Long own = CurrentUser.hasAnyRole(Role.MANAGER) ? managers.findByUser(me).map(CustomerManager::getId).orElse(null) : null;
        return (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> any = new java.util.ArrayList<>();
            if (supervised != null) {
                any.add(supervised.toPredicate(root, query, cb));
            }
            if (own != null) {
                Subquery<Long> published = query.subquery(Long.class);
                var round = published.from(AssessmentRound.class);
                published.select(round.get("id")).where(cb.equal(round.get("state"), RoundState.PUBLISHED));
                any.add(cb.and(cb.equal(root.get("managerId"), own), root.get("roundId").in(published)));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }
}
