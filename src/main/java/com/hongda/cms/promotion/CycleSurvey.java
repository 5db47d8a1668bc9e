package com.hongda.cms.promotion;

import com.hongda.cms.assessment.AssessmentResults;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.GradeQuotas;
import com.hongda.cms.manager.Leave;
import com.hongda.cms.manager.ManagerService;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a cycle sees of a branch for a performance year (docs/rules.md#promotion-eligibility), from
 * live data, in a fixed number of statements whatever the branch's size: its graded managers, their
 * annual standing, their leave in the year, the eligibility table's decision for each, and the quota
 * of each target grade. The preview shows it; the opening stores it.
 */
@Component
class CycleSurvey {

    private final ManagerService managers;
    private final AssessmentResults results;
    private final GradeQuotas quotas;
    private final Eligibility eligibility;
    private final PromotionProperties properties;

    CycleSurvey(ManagerService managers, AssessmentResults results, GradeQuotas quotas, Eligibility eligibility,
                PromotionProperties properties) {
        this.managers = managers;
        this.results = results;
        this.quotas = quotas;
        this.eligibility = eligibility;
        this.properties = properties;
    }

    /** The branch as the cycle sees it: every graded manager's standing and the quotas of the two races. */
    record Survey(List<Standing> standings, List<Quota> quotas) {
    }

    @Transactional(readOnly = true)
    Survey survey(long branchId, int year, LocalDate today) {
        List<CustomerManager> graded = managers.gradedIn(branchId);
        List<Long> ids = graded.stream().map(CustomerManager::getId).toList();
        Map<Long, AssessmentResults.AnnualStanding> annual = results.annualStandings(year, ids);
        Map<Long, List<Leave>> leave = managers.leaves(ids);
        Eligibility.Table table = eligibility.current();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long yearDays = ChronoUnit.DAYS.between(from, to) + 1;
        List<Standing> standings = new ArrayList<>();
        for (CustomerManager m : graded) {
            long excused = 0;
            long other = 0;
            for (Leave l : leave.getOrDefault(m.getId(), List.of())) {
                long days = overlap(l.getStartsOn(), l.getEndsOn(), from, to);
                if (l.getKind().excused()) {
                    excused += days;
                } else {
                    other += days;
                }
            }
            int worked = (int) Math.max(0, yearDays - excused - other);
            boolean short_ = worked < properties.minimumWorkDays();
            boolean excusedLeave = short_ && excused >= other;
            boolean otherAbsence = short_ && other > excused;
            int months = (int) Math.max(0, ChronoUnit.MONTHS.between(m.getGradeSince(), today));
            AssessmentResults.AnnualStanding a = annual.get(m.getId());
            Eligibility.Decision d = table.decide(m.getGrade(), months, a == null ? null : a.topPercent().doubleValue(),
                    excusedLeave, otherAbsence);
            standings.add(new Standing(m.getId(), m.getName(), m.getGrade(), m.getGradeSince(), months, worked,
                    a == null ? null : a.totalScore(), a == null ? null : a.topPercent(), excusedLeave, otherAbsence,
                    d.review(), d.targetGrade(), d.reason()));
        }
        GradeQuotas.Targets targets = quotas.of(branchId);
        List<Quota> list = List.of(quota(Grade.INTERMEDIATE, targets, standings), quota(Grade.SENIOR, targets, standings));
        return new Survey(standings, list);
    }

    private static Quota quota(Grade grade, GradeQuotas.Targets targets, List<Standing> standings) {
        int recompeting = (int) standings.stream().filter(s -> s.grade() == grade && s.review() == ReviewKind.RECOMPETE).count();
        int leaving = (int) standings.stream().filter(s -> s.grade() == grade && s.review() == ReviewKind.DEMOTE).count();
        return Quota.of(grade, targets, recompeting, leaving);
    }

    private static long overlap(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        LocalDate a = start.isAfter(from) ? start : from;
        LocalDate b = end.isBefore(to) ? end : to;
        return b.isBefore(a) ? 0 : ChronoUnit.DAYS.between(a, b) + 1;
    }
}
