package com.hongda.cms.manager;

import com.hongda.cms.branch.BranchSettings;
import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.DomainException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grade ratio arithmetic of a branch (docs/rules.md#grade-ratios): the graded managers (every
 * JUNIOR, INTERMEDIATE and SENIOR who has not left; trainees are probation's), the target of each
 * grade as {@code floor(graded × share / 100)} with the branch's shares in effect, and the SENIOR
 * target as a hard cap no decision may exceed. One place for the promotion cycle's quotas and for
 * every single promotion checked against the cap.
 */
@Service
public class GradeQuotas {

    /** The grades the ratio targets are about, lowest first. */
    public static final List<Grade> GRADED = List.of(Grade.JUNIOR, Grade.INTERMEDIATE, Grade.SENIOR);

    private final ManagerService managers;
    private final Branches branches;

    GradeQuotas(ManagerService managers, Branches branches) {
        this.managers = managers;
        this.branches = branches;
    }

    /**
     * A branch's ratio arithmetic: the shares in effect (percent), the holders of each graded grade and
     * the target of each.
     */
    public record Targets(int graded, Map<Grade, Integer> sharePercent, Map<Grade, Integer> holders, Map<Grade, Integer> targets) {

        /** The most SENIORs the branch may have. */
        public int seniorCap() {
            return targets.get(Grade.SENIOR);
        }

        public int holders(Grade grade) {
            return holders.getOrDefault(grade, 0);
        }

        public int target(Grade grade) {
            return targets.getOrDefault(grade, 0);
        }
    }

    /** The branch's arithmetic as of now. */
    @Transactional(readOnly = true)
    public Targets of(long branchId) {
        BranchSettings settings = branches.settings(branches.get("branchId", branchId));
        Map<Grade, Integer> holders = new EnumMap<>(Grade.class);
        GRADED.forEach(g -> holders.put(g, 0));
        for (ManagerService.HeadCount count : managers.headCounts(List.of(branchId)).getOrDefault(branchId, List.of())) {
            if (count.status() != ManagerStatus.LEFT && GRADED.contains(count.grade())) {
                holders.merge(count.grade(), (int) count.count(), Integer::sum);
            }
        }
        return targets(settings, holders);
    }

    /** The arithmetic for given holders: pure, so a preview and a test can compute it by hand. */
    public static Targets targets(BranchSettings settings, Map<Grade, Integer> holders) {
        int graded = holders.values().stream().mapToInt(Integer::intValue).sum();
        Map<Grade, Integer> shares = new EnumMap<>(Grade.class);
        shares.put(Grade.JUNIOR, settings.juniorTargetPercent());
        shares.put(Grade.INTERMEDIATE, settings.intermediateTargetPercent());
        shares.put(Grade.SENIOR, settings.seniorCapPercent());
        Map<Grade, Integer> targets = new EnumMap<>(Grade.class);
        shares.forEach((grade, share) -> targets.put(grade, graded * share / 100));
        return new Targets(graded, shares, new EnumMap<>(holders), targets);
    }

    /**
     * Refuses (CONFLICT SENIOR_CAP, naming {@code field}) when {@code adding} more SENIORs would take the
     * branch over its cap. Locks the branch's row first, so concurrent promotions into one branch are
     * counted one after another; call it in the transaction that changes the grades.
     */
    @Transactional
    public void checkSeniorCap(String field, long branchId, int adding) {
        branches.lock(field, branchId);
        Targets t = of(branchId);
        if (t.holders(Grade.SENIOR) + adding > t.seniorCap()) {
            throw DomainException.conflict(field, "SENIOR_CAP", "error.manager.seniorCap", t.holders(Grade.SENIOR), adding, t.seniorCap());
        }
    }
}
