package com.hongda.cms.promotion;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.TableSheet;
import com.hongda.cms.common.TableSheet.Kind;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.Access;
import com.hongda.cms.security.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /promotion/cycles/{id}/list.xlsx}: a published cycle's list (晋级名单) in the caller's
 * language — every reviewed manager with the review, the three parts, the score, the place in the race
 * and the outcome; the races first, by target grade and rank. COMMITTEE, HR, AUDITOR and ADMIN; before
 * publication CONFLICT NOT_PUBLISHED.
 */
@RestController
class PromotionListController {

    private final PromotionCycles cycles;
    private final PromotionReviewRepository reviews;
    private final ManagerService managers;
    private final MessageSource messages;

    PromotionListController(PromotionCycles cycles, PromotionReviewRepository reviews, ManagerService managers, MessageSource messages) {
        this.cycles = cycles;
        this.reviews = reviews;
        this.managers = managers;
        this.messages = messages;
    }

    /** One row: the review and its manager. */
    record Line(PromotionReview review, CustomerManager manager) {
    }

    @GetMapping("/promotion/cycles/{id}/list.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String id, Locale locale) {
        Access.require(PromotionReviews.WHOLE_CYCLE);
        PromotionCycle cycle = cycles.get("id", Ids.parse("id", id));
        if (cycle.getState() != CycleState.PUBLISHED) {
            throw DomainException.conflict("id", "NOT_PUBLISHED", "error.promotion.notPublished");
        }
        List<PromotionReview> all = reviews.findByCycleIdOrderById(cycle.getId());
        Map<Long, CustomerManager> byId = managers.byIds(all.stream().map(PromotionReview::getManagerId).toList());
        List<Line> lines = all.stream().map(r -> new Line(r, byId.get(r.getManagerId())))
                .sorted(Comparator.comparing((Line l) -> l.review().getRaceRank() == null)
                        .thenComparing(l -> l.review().getTargetGrade() == null ? "" : l.review().getTargetGrade().name())
                        .thenComparing(l -> l.review().getRaceRank() == null ? 0 : l.review().getRaceRank())
                        .thenComparing(l -> l.manager().getEmployeeNo()))
                .toList();
        TableSheet<Line> sheet = new TableSheet<>(messages, locale, "sheet.promotion.");
        sheet.text("employeeNo", 12, l -> l.manager().getEmployeeNo())
                .text("managerName", 12, l -> l.manager().getName())
                .text("grade", 14, l -> sheet.label("Grade", l.review().getGrade()))
                .text("review", 14, l -> sheet.label("PromotionReviewKind", l.review().getReview()))
                .text("targetGrade", 14, l -> sheet.label("Grade", l.review().getTargetGrade()))
                .text("state", 12, l -> sheet.label("PromotionReviewState", l.review().getState()))
                .number("supervisorScore", Kind.DECIMAL, l -> l.review().getSupervisorScore())
                .number("presentationScore", Kind.DECIMAL, l -> l.review().getPresentationScore())
                .number("annualScore", Kind.DECIMAL, l -> l.review().getAnnualScore())
                .number("totalScore", Kind.DECIMAL, l -> l.review().getTotalScore())
                .number("raceRank", Kind.WHOLE, l -> l.review().getRaceRank())
                .text("outcome", 12, l -> sheet.label("PromotionOutcome", l.review().getOutcome()));
        return TableSheet.download("promotion-cycle-" + cycle.getId() + ".xlsx", sheet.write("sheet.promotion.name", lines));
    }
}
