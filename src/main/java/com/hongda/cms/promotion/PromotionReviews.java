package com.hongda.cms.promotion;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.common.Texts;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads reviews as the rules allow (docs/rules.md#promotion-visibility) and takes HR's amendments of
 * the proposed list. The committee, HR, the auditor and the administrator read every review; a judge
 * the candidates of the panels they sit on; a supervisor the managers they supervise; a manager their own.
 */
@Service
public class PromotionReviews {

    /** Roles that read the whole cycle. */
    static final Role[] WHOLE_CYCLE = {Role.COMMITTEE, Role.HR, Role.AUDITOR, Role.ADMIN};

    private final PromotionReviewRepository reviews;
    private final PromotionCycleRepository cycles;
    private final PromotionQuotaRepository quotas;
    private final ListAmendmentRepository amendments;
    private final PresentationScoreRepository scores;
    private final ManagerService managers;
    private final Paging paging;
    private final Clock clock;

    PromotionReviews(PromotionReviewRepository reviews, PromotionCycleRepository cycles, PromotionQuotaRepository quotas,
                     ListAmendmentRepository amendments, PresentationScoreRepository scores, ManagerService managers,
                     Paging paging, Clock clock) {
        this.reviews = reviews;
        this.cycles = cycles;
        this.quotas = quotas;
        this.amendments = amendments;
        this.scores = scores;
        this.managers = managers;
        this.paging = paging;
        this.clock = clock;
    }

    /** The filters of the reviews query, each backed by an index. */
    public record ReviewFilter(Long cycleId, Long managerId, ReviewKind review, ReviewState state) {
    }

    /** Reviews the caller may see, by cycle and id. */
    @Transactional(readOnly = true)
    public Connection<PromotionReview> page(ReviewFilter filter, PageArgs args) {
        ReviewFilter f = filter == null ? new ReviewFilter(null, null, null, null) : filter;
        Specification<PromotionReview> spec = Specification.allOf(Specs.equal("cycleId", f.cycleId()), Specs.equal("managerId", f.managerId()),
                Specs.equal("review", f.review()), Specs.equal("state", f.state()), visible());
        return paging.page(PromotionReview.class, spec, Sort.by("cycleId", "id"), args);
    }

    /** The review, if it exists and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<PromotionReview> find(long id) {
        Specification<PromotionReview> spec = Specification.allOf((root, q, cb) -> cb.equal(root.get("id"), id), visible());
        return reviews.findOne(spec);
    }

    /** The reviews with these ids, in one statement (for the inbox's subjects). */
    @Transactional(readOnly = true)
    public List<PromotionReview> byIds(Collection<Long> ids) {
        return reviews.findAllById(ids);
    }

    /** Whether the caller reads the whole cycle. */
    static boolean wholeCycle() {
        return CurrentUser.hasAnyRole(WHOLE_CYCLE);
    }

    /** Whether the caller sits on the panel of this cycle. */
    @Transactional(readOnly = true)
    public boolean judges(long cycleId) {
        return CurrentUser.isPresent() && cyclesJudged().contains(cycleId);
    }

    /** The cycles on whose panel the caller sits. */
    @Transactional(readOnly = true)
    public Set<Long> cyclesJudged() {
        return judgesOf(CurrentUser.id());
    }

    private Set<Long> judgesOf(String user) {
        return cycles.findAll((root, q, cb) -> {
            Subquery<Long> sub = q.subquery(Long.class);
            var j = sub.from(PanelJudge.class);
            sub.select(j.get("cycleId")).where(cb.equal(j.get("judgeId"), user));
            return root.get("id").in(sub);
        }).stream().map(PromotionCycle::getId).collect(Collectors.toSet());
    }

    private Specification<PromotionReview> visible() {
        if (wholeCycle()) {
            return null;
        }
        String me = CurrentUser.id();
        Specification<PromotionReview> supervised = CurrentUser.hasAnyRole(Role.SUPERVISOR) ? managers.supervisedBy(me, "managerId") : null;
        Long own = CurrentUser.hasAnyRole(Role.MANAGER) ? managers.findByUser(me).map(CustomerManager::getId).orElse(null) : null;
        return (root, query, cb) -> {
            List<Predicate> any = new ArrayList<>();
            if (supervised != null) {
                any.add(supervised.toPredicate(root, query, cb));
            }
            // Whoever sits on a panel (a JUDGE or another person the committee chose) sees its candidates.
            Subquery<Long> panels = query.subquery(Long.class);
            var j = panels.from(PanelJudge.class);
            panels.select(j.get("cycleId")).where(cb.equal(j.get("judgeId"), me));
            any.add(cb.and(root.get("cycleId").in(panels), root.get("state").in(ReviewState.QUALIFIED, ReviewState.DECIDED),
                    cb.isNotNull(root.get("supervisorScore"))));
            if (own != null) {
                any.add(cb.equal(root.get("managerId"), own));
            }
            return cb.or(any.toArray(Predicate[]::new));
        };
    }

    /**
     * Which cycles' results the caller sees (presentation mean, total, rank, proposed, outcome):
     * the auditor always; the committee, HR and the administrator once the panel has closed; anyone
     * who may see the review once the cycle is published. Judges never see another judge's scores
     * before the panel closes. The caller's roles are read now, on the request's thread; the test
     * applies to the cycles as they are loaded.
     */
    public static java.util.function.Predicate<PromotionCycle> resultsVisible() {
        boolean auditor = CurrentUser.hasAnyRole(Role.AUDITOR);
        boolean afterPanel = CurrentUser.hasAnyRole(Role.COMMITTEE, Role.HR, Role.ADMIN);
        return cycle -> auditor || cycle.getState() == CycleState.PUBLISHED || cycle.panelClosed() && afterPanel;
    }

    /** Each judge's score of each of these reviews, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<PresentationScore>> scores(Collection<Long> reviewIds) {
        return scores.findByReviewIdInOrderById(reviewIds).stream().collect(Collectors.groupingBy(PresentationScore::getReviewId));
    }

    /** The amendments of each of these cycles, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<ListAmendment>> amendments(Collection<Long> cycleIds) {
        return amendments.findByCycleIdInOrderById(cycleIds).stream().collect(Collectors.groupingBy(ListAmendment::getCycleId));
    }

    /**
     * HR puts a candidate on the proposed list or takes them off, with a reason, while the list waits
     * for approval (CONFLICT NOT_IN_APPROVAL); only a qualified candidate (CONFLICT NOT_A_CANDIDATE);
     * never beyond the race's places (CONFLICT QUOTA_FULL) — for SENIOR the places are the hard cap's.
     * The cycle's row is locked, so two amendments at once are counted one after the other.
     */
    @Transactional
    public PromotionReview amend(long reviewId, boolean proposed, String reason, String actor) {
        String why = Texts.blankToNull(reason);
        if (why == null) {
            throw DomainException.badRequest("input.reason", "REQUIRED", "error.promotion.reasonRequired");
        }
        PromotionReview review = reviews.findById(reviewId).orElseThrow(() -> DomainException.notFound("input.reviewId", "promotionReview", reviewId));
        PromotionCycle cycle = cycles.findByIdForUpdate(review.getCycleId()).orElseThrow();
        if (cycle.getState() != CycleState.APPROVAL) {
            throw DomainException.conflict("input.reviewId", "NOT_IN_APPROVAL", "error.promotion.notInApproval");
        }
        if (review.getState() != ReviewState.QUALIFIED) {
            throw DomainException.conflict("input.reviewId", "NOT_A_CANDIDATE", "error.promotion.notACandidate");
        }
        if (review.isProposed() == proposed) {
            return review;
        }
        if (proposed) {
            int places = quotas.findByCycleIdIn(List.of(cycle.getId())).stream().filter(q -> q.getGrade() == review.getTargetGrade())
                    .mapToInt(PromotionQuota::getPlaces).findFirst().orElse(0);
            if (reviews.countByCycleIdAndTargetGradeAndProposedTrue(cycle.getId(), review.getTargetGrade()) >= places) {
                throw DomainException.conflict("input.proposed", "QUOTA_FULL", "error.promotion.quotaFull", review.getTargetGrade(), places);
            }
        }
        Instant now = clock.instant();
        review.propose(proposed, now);
        amendments.save(new ListAmendment(cycle.getId(), review.getId(), proposed, why, actor, now));
        return review;
    }
}
