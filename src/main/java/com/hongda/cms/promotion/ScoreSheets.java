package com.hongda.cms.promotion;

import com.hongda.cms.common.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A judge's scoring sheet (docs/rules.md#promotion-judging): one sheet per judge for all the
 * candidates of the panel, as judges work — they sit through every presentation in one session,
 * score as they go, may correct a score until they submit, and submit once. The sheet's submission
 * completes the judge's one task; every judge writes only their own rows, so all may score and submit
 * at the same moment.
 */
@Service
public class ScoreSheets {

    private final PromotionCycleRepository cycles;
    private final PromotionReviewRepository reviews;
    private final PanelJudgeRepository judges;
    private final PresentationScoreRepository scores;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final Clock clock;

    ScoreSheets(PromotionCycleRepository cycles, PromotionReviewRepository reviews, PanelJudgeRepository judges,
                PresentationScoreRepository scores, TaskService tasks, RuntimeService runtime, Clock clock) {
        this.cycles = cycles;
        this.reviews = reviews;
        this.judges = judges;
        this.scores = scores;
        this.tasks = tasks;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** One line of a sheet: a candidate's review and the judge's score, null when not scored yet. */
    public record Line(PromotionReview review, BigDecimal score) {
    }

    /** A judge's sheet: the cycle, the lines in the candidates' order, when it was submitted. */
    public record Sheet(PromotionCycle cycle, String judgeId, List<Line> lines, Instant submittedAt) {
    }

    /** A score given: the candidate's review id and the score, 0-100. */
    public record Given(long reviewId, BigDecimal score) {
    }

    /** The caller's sheet for a cycle whose panel they sit on (else NOT_FOUND). */
    @Transactional(readOnly = true)
    public Sheet sheet(long cycleId, String judge) {
        PromotionCycle cycle = cycles.findById(cycleId).orElseThrow(() -> DomainException.notFound("cycleId", "promotionCycle", cycleId));
        PanelJudge seat = judges.findByCycleIdAndJudgeId(cycleId, judge)
                .orElseThrow(() -> DomainException.notFound("cycleId", "promotionCycle", cycleId));
        Map<Long, BigDecimal> mine = scores.findByCycleIdAndJudgeId(cycleId, judge).stream()
                .collect(Collectors.toMap(PresentationScore::getReviewId, PresentationScore::getScore));
        List<Line> lines = reviews.findByCycleIdAndStateOrderById(cycleId, ReviewState.QUALIFIED).stream()
                .map(r -> new Line(r, mine.get(r.getId()))).toList();
        return new Sheet(cycle, judge, lines, seat.getSubmittedAt());
    }

    /**
     * Scores candidates on the caller's sheet; with {@code submit}, submits it (every candidate scored,
     * else CONFLICT SHEET_INCOMPLETE) and completes the judge's task. Refused while the panel is not
     * judging (CONFLICT NOT_JUDGING) and once submitted (CONFLICT SHEET_SUBMITTED); a candidate not on
     * the sheet or given twice is BAD_REQUEST naming {@code input.scores[i].reviewId}; a score outside
     * 0-100 or with more than two decimals is BAD_REQUEST RANGE.
     */
    @Transactional
    public Sheet score(long cycleId, String judge, List<Given> given, boolean submit) {
        PromotionCycle cycle = cycles.findById(cycleId).orElseThrow(() -> DomainException.notFound("input.cycleId", "promotionCycle", cycleId));
        PanelJudge seat = judges.findByCycleIdAndJudgeId(cycleId, judge)
                .orElseThrow(() -> DomainException.notFound("input.cycleId", "promotionCycle", cycleId));
        if (cycle.getState() != CycleState.JUDGING) {
            throw DomainException.conflict("input.cycleId", "NOT_JUDGING", "error.promotion.notJudging");
        }
        if (seat.getSubmittedAt() != null) {
            throw DomainException.conflict("input.cycleId", "SHEET_SUBMITTED", "error.promotion.sheetSubmitted");
        }
        Set<Long> candidates = reviews.findByCycleIdAndStateOrderById(cycleId, ReviewState.QUALIFIED).stream()
                .map(PromotionReview::getId).collect(Collectors.toSet());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Given g = given.get(i);
            if (!candidates.contains(g.reviewId()) || !seen.add(g.reviewId())) {
                throw DomainException.badRequest("input.scores[" + i + "].reviewId", "NOT_ON_SHEET", "error.promotion.notOnSheet");
            }
            if (g.score().signum() < 0 || g.score().compareTo(BigDecimal.valueOf(100)) > 0 || g.score().stripTrailingZeros().scale() > 2) {
                throw DomainException.badRequest("input.scores[" + i + "].score", "RANGE", "error.promotion.scoreRange");
            }
        }
        Instant now = clock.instant();
        Map<Long, PresentationScore> mine = scores.findByCycleIdAndJudgeId(cycleId, judge).stream()
                .collect(Collectors.toMap(PresentationScore::getReviewId, Function.identity()));
        for (Given g : given) {
            BigDecimal value = g.score().setScale(2, RoundingMode.UNNECESSARY);
            PresentationScore existing = mine.get(g.reviewId());
            if (existing == null) {
                scores.save(new PresentationScore(cycleId, g.reviewId(), judge, value, now));
            } else {
                existing.rescore(value, now);
            }
        }
        scores.flush();
        if (submit) {
            tasks.complete(sheetTask(cycle, judge).getId());
        }
        return sheet(cycleId, judge);
    }

    /** The judge's open "Score the presentations" task in the cycle (one per judge; the panel has at most 20). */
    private Task sheetTask(PromotionCycle cycle, String judge) {
        for (Task t : tasks.createTaskQuery().processInstanceId(cycle.getProcessInstanceId()).taskDefinitionKey("scoreSheet").list()) {
            if (judge.equals(runtime.getVariable(t.getExecutionId(), "judge"))) {
                return t;
            }
        }
        throw DomainException.conflict("input.cycleId", "NOT_JUDGING", "error.promotion.notJudging");
    }
}
