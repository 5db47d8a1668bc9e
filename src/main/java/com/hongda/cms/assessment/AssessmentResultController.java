package com.hongda.cms.assessment;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code AssessmentResult} type and its queries; who sees which result is {@link AssessmentResults}' rule. */
@Controller
@SchemaMapping(typeName = "AssessmentResult")
class AssessmentResultController {

    private final AssessmentResults results;
    private final AssessmentRounds rounds;
    private final ManagerService managers;
    private final Objections objections;
    private final AssessmentProperties properties;

    AssessmentResultController(AssessmentResults results, AssessmentRounds rounds, ManagerService managers, Objections objections,
                               AssessmentProperties properties) {
        this.properties = properties;
        this.objections = objections;
        this.results = results;
        this.rounds = rounds;
        this.managers = managers;
    }

    record ResultFilterInput(@Size(max = 20) String roundId, @Size(max = 20) String managerId, @Size(max = 20) String branchId,
                             com.hongda.cms.manager.Grade grade, ResultState state) {
    }

    record IndicatorScore(Indicator indicator, IndicatorGroup group, BigDecimal value) {
    }

    record PartView(String part, String values, String enteredBy) {
    }

    record PayReport(BigDecimal basePay, BigDecimal performancePay, BigDecimal behaviourScore, BigDecimal total) {
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    AssessmentResult assessmentResult(@Argument String id) {
        long resultId = Ids.parse("id", id);
        return results.find(resultId).orElseThrow(() -> DomainException.notFound("id", "assessmentResult", resultId));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<AssessmentResult> assessmentResults(@Argument @Valid ResultFilterInput filter, @Argument Integer first,
                                                   @Argument String after, @Argument Integer last, @Argument String before) {
        ResultFilterInput f = filter == null ? new ResultFilterInput(null, null, null, null, null) : filter;
        return results.page(new AssessmentResults.ResultFilter(Ids.optional("filter.roundId", f.roundId()), Ids.optional("filter.managerId", f.managerId()),
                Ids.optional("filter.branchId", f.branchId()), f.grade() == null ? null : f.grade().name(), f.state()),
                new PageArgs(first, after, last, before));
    }

    record ObjectInput(@jakarta.validation.constraints.NotBlank @Size(max = 20) String resultId,
                       @jakarta.validation.constraints.NotBlank @Size(max = 500) String reason) {
    }

    record ResultPayload(AssessmentResult result) {
    }

    @org.springframework.graphql.data.method.annotation.MutationMapping
    @PreAuthorize("hasRole('MANAGER')")
    ResultPayload objectToAssessmentResult(@Argument @Valid ObjectInput input) {
        return new ResultPayload(objections.object(Ids.parse("input.resultId", input.resultId()), input.reason().trim()));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<AssessmentResult> annualRanking(@Argument int year, @Argument @Size(max = 20) String branchId,
                                               @Argument com.hongda.cms.manager.Grade grade, @Argument Integer first,
                                               @Argument String after, @Argument Integer last, @Argument String before) {
        return results.annualRanking(year, Ids.optional("branchId", branchId), grade == null ? null : grade.name(),
                new PageArgs(first, after, last, before));
    }

    @SchemaMapping
    String id(AssessmentResult r) {
        return String.valueOf(r.getId());
    }

    @SchemaMapping
    String roundId(AssessmentResult r) {
        return String.valueOf(r.getRoundId());
    }

    @SchemaMapping
    String managerId(AssessmentResult r) {
        return String.valueOf(r.getManagerId());
    }

    @SchemaMapping
    String branchId(AssessmentResult r) {
        return String.valueOf(r.getBranchId());
    }

    @BatchMapping
    Map<AssessmentResult, AssessmentRound> round(List<AssessmentResult> batch) {
        return Batches.pair(batch, AssessmentResult::getRoundId, rounds.byIds(batch.stream().map(AssessmentResult::getRoundId).toList()), null);
    }

    @BatchMapping
    Map<AssessmentResult, CustomerManager> manager(List<AssessmentResult> batch) {
        return Batches.pair(batch, AssessmentResult::getManagerId, managers.byIds(batch.stream().map(AssessmentResult::getManagerId).toList()), null);
    }

    /**
     * 个人收入 = 基础工资 + 绩效工资 + 行为考核评分, for a scored monthly or quarterly result: the grade's base pay,
     * the performance pay (base × share × total / 100) and the behaviour score, read-only like the result.
     */
    @SchemaMapping
    PayReport pay(AssessmentResult r) {
        BigDecimal base = properties.pay().base().get(com.hongda.cms.manager.Grade.valueOf(r.getGrade()));
        if (r.getTotalScore() == null || r.getBehaviourScore() == null || base == null) {
            return null;
        }
        BigDecimal performance = base.multiply(properties.pay().performanceSharePercent()).multiply(r.getTotalScore())
                .divide(BigDecimal.valueOf(10_000), 2, java.math.RoundingMode.HALF_UP);
        return new PayReport(base.setScale(2), performance, r.getBehaviourScore(), base.add(performance).add(r.getBehaviourScore()));
    }

    @SchemaMapping
    List<IndicatorScore> indicators(AssessmentResult r) {
        List<IndicatorScore> scores = new ArrayList<>();
        PartValues.scores(r.getBreakdown()).forEach((i, v) -> scores.add(new IndicatorScore(i, i.group(), v)));
        return scores;
    }

    /** Who "entered" the computed visit coverage: nobody, the score step read it. */
    private static final String SYSTEM = "system";

    @BatchMapping
    Map<AssessmentResult, List<PartView>> parts(List<AssessmentResult> batch) {
        Set<Long> readable = results.partsReadable(batch);
        Map<AssessmentResult, List<PartView>> parts = new java.util.LinkedHashMap<>();
        for (AssessmentResult r : batch) {
            List<PartView> list = new ArrayList<>();
            if (readable.contains(r.getId())) {
                add(list, "SELF", r.getSelfScores(), r.getSelfEnteredBy());
                add(list, "SUPERVISOR", r.getSupervisorScores(), r.getSupervisorEnteredBy());
                add(list, "PERFORMANCE", r.getPerformanceScores(), r.getPerformanceEnteredBy());
                add(list, "CUSTOMERS", r.getCustomerRatings(), r.getCustomerEnteredBy());
                add(list, "VISITS", r.getVisitCoverage(), SYSTEM);
            }
            parts.put(r, list);
        }
        return parts;
    }

    private static void add(List<PartView> list, String part, String values, String by) {
        if (values != null) {
            list.add(new PartView(part, values, by));
        }
    }

}
