package com.hongda.cms.assessment;

import com.hongda.cms.branch.Branch;
import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.security.Access;
import com.hongda.cms.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code AssessmentRound} type, its queries and {@code openAssessmentRound}. */
@Controller
@SchemaMapping(typeName = "AssessmentRound")
class AssessmentRoundController {

    private final AssessmentRounds rounds;
    private final Branches branches;

    AssessmentRoundController(AssessmentRounds rounds, Branches branches) {
        this.rounds = rounds;
        this.branches = branches;
    }

    record OpenInput(@NotNull RoundKind kind, @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
                     @Size(max = 20) String branchId) {
    }

    record RoundFilterInput(RoundKind kind, RoundState state, @Size(max = 20) String branchId) {
    }

    record RoundPayload(AssessmentRound round) {
    }

    record StateCount(ResultState state, int count) {
    }

    @QueryMapping
    @PreAuthorize(Access.STAFF)
    AssessmentRound assessmentRound(@Argument String id) {
        return rounds.get("id", Ids.parse("id", id));
    }

    @QueryMapping
    @PreAuthorize(Access.STAFF)
    Connection<AssessmentRound> assessmentRounds(@Argument @Valid RoundFilterInput filter, @Argument Integer first,
                                                 @Argument String after, @Argument Integer last, @Argument String before) {
        RoundFilterInput f = filter == null ? new RoundFilterInput(null, null, null) : filter;
        Long branch = Ids.optional("filter.branchId", f.branchId());
        return rounds.page(new AssessmentRounds.RoundFilter(f.kind(), f.state(), branch), new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    RoundPayload openAssessmentRound(@Argument @Valid OpenInput input) {
        Long branch = Ids.optional("input.branchId", input.branchId());
        return new RoundPayload(rounds.open(input.kind(), input.periodStart(), input.periodEnd(), branch, CurrentUser.id()));
    }

    @SchemaMapping
    String id(AssessmentRound round) {
        return String.valueOf(round.getId());
    }

    @SchemaMapping
    String branchId(AssessmentRound round) {
        return round.getBranchId() == null ? null : String.valueOf(round.getBranchId());
    }

    @BatchMapping
    Map<AssessmentRound, Branch> branch(List<AssessmentRound> batch) {
        return Batches.pair(batch, AssessmentRound::getBranchId, branches.byIds(batch.stream().map(AssessmentRound::getBranchId).toList()), null);
    }

    @BatchMapping
    Map<AssessmentRound, List<StateCount>> progress(List<AssessmentRound> batch) {
        Map<Long, Map<ResultState, Integer>> counts = rounds.progress(batch.stream().map(AssessmentRound::getId).toList());
        Map<Long, List<StateCount>> lists = new java.util.HashMap<>();
        counts.forEach((round, byState) -> lists.put(round,
                byState.entrySet().stream().map(e -> new StateCount(e.getKey(), e.getValue())).toList()));
        return Batches.pair(batch, AssessmentRound::getId, lists, List.of());
    }
}
