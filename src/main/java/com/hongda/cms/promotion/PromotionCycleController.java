package com.hongda.cms.promotion;

import com.hongda.cms.branch.Branch;
import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code PromotionCycle} type, the preview, the cycles' queries and {@code openPromotionCycle}. */
@Controller
@SchemaMapping(typeName = "PromotionCycle")
class PromotionCycleController {

    static final String WHOLE_CYCLE = "hasAnyRole('COMMITTEE','HR','AUDITOR','ADMIN')";

    private final PromotionCycles cycles;
    private final PromotionReviews reviews;
    private final Branches branches;
    private final ManagerService managers;
    private final PanelJudgeRepository judges;

    PromotionCycleController(PromotionCycles cycles, PromotionReviews reviews, Branches branches, ManagerService managers,
                             PanelJudgeRepository judges) {
        this.cycles = cycles;
        this.reviews = reviews;
        this.branches = branches;
        this.managers = managers;
        this.judges = judges;
    }

    record OpenInput(@NotBlank @Size(max = 20) String branchId, @NotNull Integer year, Instant applicationDeadline) {
    }

    record CycleFilterInput(@Size(max = 20) String branchId, Integer year, CycleState state) {
    }

    record CyclePayload(PromotionCycle cycle) {
    }

    /** A preview as the schema shows it. */
    record PreviewView(Branch branch, int year, List<Quota> quotas, List<StandingView> standings) {
    }

    /** A standing with its manager, field for field as the schema's {@code PromotionStanding}. */
    record StandingView(CustomerManager manager, com.hongda.cms.manager.Grade grade, ReviewKind review, com.hongda.cms.manager.Grade targetGrade,
                        String reason, int monthsInGrade, int workedDays, java.math.BigDecimal annualScore, java.math.BigDecimal annualTopPercent) {

        StandingView(CustomerManager manager, Standing s) {
            this(manager, s.grade(), s.review(), s.targetGrade(), s.reason(), s.monthsInGrade(), s.workedDays(), s.annualScore(), s.topPercent());
        }
    }

    @QueryMapping
    @PreAuthorize(WHOLE_CYCLE)
    PreviewView promotionCyclePreview(@Argument @Size(max = 20) String branchId, @Argument int year) {
        long branch = Ids.parse("branchId", branchId);
        PromotionCycles.Preview p = cycles.preview(branch, year);
        Map<Long, CustomerManager> people = managers.byIds(p.standings().stream().map(Standing::managerId).toList());
        return new PreviewView(branches.get("branchId", branch), year, p.quotas(),
                p.standings().stream().map(s -> new StandingView(people.get(s.managerId()), s)).toList());
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    PromotionCycle promotionCycle(@Argument String id) {
        long cycleId = Ids.parse("id", id);
        return cycles.find(cycleId).filter(c -> PromotionReviews.wholeCycle() || reviews.judges(c.getId()))
                .orElseThrow(() -> DomainException.notFound("id", "promotionCycle", cycleId));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<PromotionCycle> promotionCycles(@Argument @Valid CycleFilterInput filter, @Argument Integer first, @Argument String after,
                                               @Argument Integer last, @Argument String before) {
        CycleFilterInput f = filter == null ? new CycleFilterInput(null, null, null) : filter;
        Long branch = Ids.optional("filter.branchId", f.branchId());
        return cycles.page(new PromotionCycles.CycleFilter(branch, f.year(), f.state()),
                PromotionReviews.wholeCycle() ? null : reviews.cyclesJudged(), new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('COMMITTEE','ADMIN')")
    CyclePayload openPromotionCycle(@Argument @Valid OpenInput input) {
        return new CyclePayload(cycles.open(Ids.parse("input.branchId", input.branchId()), input.year(),
                input.applicationDeadline(), CurrentUser.id()));
    }

    @SchemaMapping
    String id(PromotionCycle cycle) {
        return String.valueOf(cycle.getId());
    }

    @BatchMapping
    Map<PromotionCycle, Branch> branch(List<PromotionCycle> batch) {
        return Batches.pair(batch, PromotionCycle::getBranchId, branches.byIds(batch.stream().map(PromotionCycle::getBranchId).toList()), null);
    }

    @BatchMapping
    Map<PromotionCycle, List<Quota>> quotas(List<PromotionCycle> batch) {
        return Batches.pair(batch, PromotionCycle::getId, cycles.quotas(batch.stream().map(PromotionCycle::getId).toList()), List.of());
    }

    @BatchMapping
    Map<PromotionCycle, List<String>> judges(List<PromotionCycle> batch) {
        Map<Long, List<String>> byCycle = judges.findByCycleIdIn(batch.stream().map(PromotionCycle::getId).toList()).stream()
                .collect(Collectors.groupingBy(PanelJudge::getCycleId, Collectors.mapping(PanelJudge::getJudgeId, Collectors.toList())));
        return Batches.pair(batch, PromotionCycle::getId, byCycle, List.of());
    }

    @BatchMapping
    Map<PromotionCycle, List<ListAmendment>> amendments(List<PromotionCycle> batch) {
        if (!PromotionReviews.wholeCycle()) {
            return Batches.pair(batch, PromotionCycle::getId, Map.of(), List.of());
        }
        return Batches.pair(batch, PromotionCycle::getId, reviews.amendments(batch.stream().map(PromotionCycle::getId).toList()), List.of());
    }

    @SchemaMapping(typeName = "PromotionAmendment")
    String reviewId(ListAmendment amendment) {
        return String.valueOf(amendment.getReviewId());
    }
}
