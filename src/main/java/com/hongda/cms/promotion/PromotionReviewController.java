package com.hongda.cms.promotion;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code PromotionReview} type, its queries, the judge's sheet and HR's amendment. */
@Controller
@SchemaMapping(typeName = "PromotionReview")
class PromotionReviewController {

    private final PromotionReviews reviews;
    private final PromotionCycles cycles;
    private final ScoreSheets sheets;
    private final ManagerService managers;

    PromotionReviewController(PromotionReviews reviews, PromotionCycles cycles, ScoreSheets sheets, ManagerService managers,
                              org.springframework.graphql.execution.BatchLoaderRegistry loaders) {
        loaders.forTypePair(Long.class, PromotionCycle.class).withName("promotionCycles")
                .registerMappedBatchLoader((ids, env) -> reactor.core.publisher.Mono.fromCallable(() -> cycles.byIds(ids)));
        this.reviews = reviews;
        this.cycles = cycles;
        this.sheets = sheets;
        this.managers = managers;
    }

    record ReviewFilterInput(@Size(max = 20) String cycleId, @Size(max = 20) String managerId, ReviewKind review, ReviewState state) {
    }

    record ScoreInput(@NotBlank @Size(max = 20) String reviewId, @NotNull Double score) {
    }

    record ScorePresentationsInput(@NotBlank @Size(max = 20) String cycleId, @NotNull @Size(max = 200) List<@Valid ScoreInput> scores,
                                   Boolean submit) {
    }

    record AmendInput(@NotBlank @Size(max = 20) String reviewId, @NotNull Boolean proposed, @NotBlank @Size(max = 500) String reason) {
    }

    record ReviewPayload(PromotionReview review) {
    }

    record SheetPayload(ScoreSheets.Sheet sheet) {
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    PromotionReview promotionReview(@Argument String id) {
        long reviewId = Ids.parse("id", id);
        return reviews.find(reviewId).orElseThrow(() -> DomainException.notFound("id", "promotionReview", reviewId));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<PromotionReview> promotionReviews(@Argument @Valid ReviewFilterInput filter, @Argument Integer first, @Argument String after,
                                                 @Argument Integer last, @Argument String before) {
        ReviewFilterInput f = filter == null ? new ReviewFilterInput(null, null, null, null) : filter;
        return reviews.page(new PromotionReviews.ReviewFilter(Ids.optional("filter.cycleId", f.cycleId()), Ids.optional("filter.managerId", f.managerId()),
                f.review(), f.state()), new PageArgs(first, after, last, before));
    }

    /** A panel seat, not a role, entitles to a sheet: the committee may seat people who do not hold JUDGE. */
    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    ScoreSheets.Sheet myScoreSheet(@Argument @Size(max = 20) String cycleId) {
        return sheets.sheet(Ids.parse("cycleId", cycleId), CurrentUser.id());
    }

    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    SheetPayload scorePresentations(@Argument @Valid ScorePresentationsInput input) {
        List<ScoreSheets.Given> given = new java.util.ArrayList<>();
        for (int i = 0; i < input.scores().size(); i++) {
            ScoreInput s = input.scores().get(i);
            if (!Double.isFinite(s.score())) {
                throw DomainException.badRequest("input.scores[" + i + "].score", "RANGE", "error.promotion.scoreRange");
            }
            given.add(new ScoreSheets.Given(Ids.parse("input.scores[" + i + "].reviewId", s.reviewId()), BigDecimal.valueOf(s.score())));
        }
        return new SheetPayload(sheets.score(Ids.parse("input.cycleId", input.cycleId()), CurrentUser.id(), given,
                Boolean.TRUE.equals(input.submit())));
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR')")
    ReviewPayload amendPromotionList(@Argument @Valid AmendInput input) {
        return new ReviewPayload(reviews.amend(Ids.parse("input.reviewId", input.reviewId()), input.proposed(), input.reason().trim(),
                CurrentUser.id()));
    }

    @SchemaMapping
    String id(PromotionReview r) {
        return String.valueOf(r.getId());
    }

    @SchemaMapping
    String cycleId(PromotionReview r) {
        return String.valueOf(r.getCycleId());
    }

    @SchemaMapping
    CompletableFuture<PromotionCycle> cycle(PromotionReview r, DataLoader<Long, PromotionCycle> promotionCycles) {
        return promotionCycles.load(r.getCycleId());
    }

    @BatchMapping
    Map<PromotionReview, CustomerManager> manager(List<PromotionReview> batch) {
        return Batches.pair(batch, PromotionReview::getManagerId, managers.byIds(batch.stream().map(PromotionReview::getManagerId).toList()), null);
    }

    @SchemaMapping
    CompletableFuture<BigDecimal> presentationScore(PromotionReview r, DataLoader<Long, PromotionCycle> promotionCycles) {
        return ifVisible(r, promotionCycles, PromotionReview::getPresentationScore);
    }

    @SchemaMapping
    CompletableFuture<BigDecimal> totalScore(PromotionReview r, DataLoader<Long, PromotionCycle> promotionCycles) {
        return ifVisible(r, promotionCycles, PromotionReview::getTotalScore);
    }

    @SchemaMapping
    CompletableFuture<Integer> raceRank(PromotionReview r, DataLoader<Long, PromotionCycle> promotionCycles) {
        return ifVisible(r, promotionCycles, PromotionReview::getRaceRank);
    }

    @SchemaMapping
    CompletableFuture<Boolean> proposed(PromotionReview r, DataLoader<Long, PromotionCycle> promotionCycles) {
        return ifVisible(r, promotionCycles, x -> x.getRaceRank() == null ? null : x.isProposed());
    }

    /**
     * Each judge's score: the auditor always; COMMITTEE, HR and ADMIN once the panel has closed. A judge
     * reads their own on their sheet, never another's.
     */
    @BatchMapping
    Map<PromotionReview, List<PresentationScore>> judgeScores(List<PromotionReview> batch) {
        boolean auditor = CurrentUser.hasAnyRole(Role.AUDITOR);
        boolean afterPanel = CurrentUser.hasAnyRole(Role.COMMITTEE, Role.HR, Role.ADMIN);
        Map<Long, PromotionCycle> byId = auditor || afterPanel ? cycles.byIds(batch.stream().map(PromotionReview::getCycleId).toList()) : Map.of();
        List<Long> readable = batch.stream().filter(r -> auditor || (afterPanel && byId.get(r.getCycleId()).panelClosed()))
                .map(PromotionReview::getId).toList();
        Map<Long, List<PresentationScore>> scores = readable.isEmpty() ? Map.of() : reviews.scores(readable);
        return Batches.pair(batch, PromotionReview::getId, scores, List.of());
    }

    @SchemaMapping(typeName = "ScoreSheet")
    PromotionCycle cycle(ScoreSheets.Sheet sheet) {
        return sheet.cycle();
    }

    /**
     * A result field's value where the caller may see the cycle's results, else null. Every field of a
     * page asks the one loader for the same cycles: one statement for them all.
     */
    private static <T> CompletableFuture<T> ifVisible(PromotionReview r, DataLoader<Long, PromotionCycle> loader,
                                                      Function<PromotionReview, T> value) {
        java.util.function.Predicate<PromotionCycle> visible = PromotionReviews.resultsVisible();
        return loader.load(r.getCycleId()).thenApply(c -> c != null && visible.test(c) ? value.apply(r) : null);
    }

}
