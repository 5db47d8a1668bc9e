package com.hongda.cms.promotion;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ExitReviewDue;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.GradeQuotas;
import com.hongda.cms.manager.ManagerEffects;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import com.hongda.cms.security.Directory;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.DecidedBy;
import com.hongda.cms.workflow.Subject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the steps of a cycle (bpmn/promotion-cycle.bpmn) do, in the engine's transaction: invite,
 * close the applications, name the panel, take each judge's sheet, rank the races, publish.
 */
@Component
class CycleSteps {

    static final String APPLICATION_PROCESS = "promotion-application";
    static final String REVIEW_SUBJECT = "REVIEW";
    private static final int MAX_JUDGES = 20;

    private final PromotionCycleRepository cycles;
    private final PromotionReviewRepository reviews;
    private final PromotionQuotaRepository quotas;
    private final PanelJudgeRepository judges;
    private final PresentationScoreRepository scores;
    private final ManagerService managers;
    private final ManagerEffects effects;
    private final GradeQuotas gradeQuotas;
    private final Directory directory;
    private final CaseStarter starter;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final PromotionProperties properties;
    private final Clock clock;

    CycleSteps(PromotionCycleRepository cycles, PromotionReviewRepository reviews, PromotionQuotaRepository quotas,
               PanelJudgeRepository judges, PresentationScoreRepository scores, ManagerService managers, ManagerEffects effects,
               GradeQuotas gradeQuotas, Directory directory, CaseStarter starter, IdentityService identity,
               ApplicationEventPublisher events, PromotionProperties properties, Clock clock) {
        this.cycles = cycles;
        this.reviews = reviews;
        this.quotas = quotas;
        this.judges = judges;
        this.scores = scores;
        this.managers = managers;
        this.effects = effects;
        this.gradeQuotas = gradeQuotas;
        this.directory = directory;
        this.starter = starter;
        this.identity = identity;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** One application process per manager in a race, all with the cycle's deadline. */
    @Transactional
    public void invite(DelegateExecution execution) {
        PromotionCycle cycle = cycle(execution);
        List<PromotionReview> invited = reviews.findByCycleIdAndStateOrderById(cycle.getId(), ReviewState.INVITED);
        Map<Long, CustomerManager> people = managers.byIds(invited.stream().map(PromotionReview::getManagerId).toList());
        for (PromotionReview review : invited) {
            CustomerManager m = people.get(review.getManagerId());
            Map<String, Object> vars = new HashMap<>();
            vars.put("reviewId", review.getId());
            vars.put("cycleId", cycle.getId());
            vars.put("managerUserId", m.getUserId());
            vars.put("supervisorId", m.getSupervisorUserId());
            vars.put("applicationDeadline", java.util.Date.from(cycle.getApplicationDeadline()));
            vars.put("stepWorkingDays", properties.stepWorkingDays());
            review.startedAs(starter.start(APPLICATION_PROCESS, REVIEW_SUBJECT, new Subject(REVIEW_SUBJECT, String.valueOf(review.getId())),
                    vars).getId());
        }
    }

    /** The deadline: the committee names the panel next, unless nobody is left to compete. */
    @Transactional
    public void close(DelegateExecution execution) {
        PromotionCycle cycle = cycle(execution);
        long left = reviews.countByCycleIdAndStateIn(cycle.getId(),
                EnumSet.of(ReviewState.INVITED, ReviewState.APPLIED, ReviewState.CHECKED, ReviewState.QUALIFIED));
        cycle.moveTo(left > 0 ? CycleState.PANEL : CycleState.APPROVAL, clock.instant());
        execution.setVariable("candidatesLeft", left);
    }

    /**
     * The committee names the judges: only once every application is answered, checked and evaluated;
     * at least {@code cms.promotion.panel-min-size}, at most 20, each an enabled person who is neither a
     * candidate nor the supervisor of one (BAD_REQUEST naming {@code judges}).
     */
    @Transactional
    public void namePanel(DelegateTask task) {
        PromotionCycle cycle = cycle(task.getExecution());
        if (reviews.countByCycleIdAndStateIn(cycle.getId(), EnumSet.of(ReviewState.INVITED, ReviewState.APPLIED, ReviewState.CHECKED)) > 0) {
            throw DomainException.conflict("judges", "APPLICATIONS_OPEN", "error.promotion.applicationsOpen");
        }
        List<String> named = Arrays.stream(String.valueOf(task.getVariable("judges")).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (named.size() < properties.panelMinSize() || named.size() > MAX_JUDGES) {
            throw DomainException.badRequest("judges", "PANEL_SIZE", "error.promotion.panelSize", properties.panelMinSize(), MAX_JUDGES);
        }
        List<PromotionReview> candidates = reviews.findByCycleIdAndStateOrderById(cycle.getId(), ReviewState.QUALIFIED);
        List<CustomerManager> people = new ArrayList<>(managers.byIds(candidates.stream().map(PromotionReview::getManagerId).toList()).values());
        for (String judge : named) {
            if (!directory.exists(judge) || !directory.isEnabled(judge)) {
                throw DomainException.badRequest("judges", "PERSON_NOT_FOUND", "error.promotion.judgeUnknown",
                        judge.length() > 64 ? judge.substring(0, 64) + "…" : judge);
            }
            for (CustomerManager candidate : people) {
                if (judge.equals(candidate.getUserId())) {
                    throw DomainException.badRequest("judges", "JUDGE_IS_CANDIDATE", "error.promotion.judgeIsCandidate", judge);
                }
            }
            if (!managers.supervisedBy(judge, people).isEmpty()) {
                throw DomainException.badRequest("judges", "JUDGE_SUPERVISES_CANDIDATE", "error.promotion.judgeSupervises", judge);
            }
        }
        judges.saveAll(named.stream().map(j -> new PanelJudge(cycle.getId(), j)).toList());
        task.getExecution().getProcessInstance().setVariable("panelJudges", new ArrayList<>(named));
        cycle.panelNamed(DecidedBy.actor(identity, task), clock.instant());
    }

    /**
     * A judge submits their sheet: refused (CONFLICT SHEET_INCOMPLETE) until they have scored every
     * candidate. Each judge writes only their own row, so all may submit at the same moment.
     */
    @Transactional
    public void submitSheet(DelegateTask task) {
        PromotionCycle cycle = cycle(task.getExecution());
        String judge = String.valueOf(task.getExecution().getVariable("judge"));
        long candidates = reviews.countByCycleIdAndStateIn(cycle.getId(), EnumSet.of(ReviewState.QUALIFIED));
        long scored = scores.findByCycleIdAndJudgeId(cycle.getId(), judge).size();
        if (scored < candidates) {
            throw DomainException.conflict("scores", "SHEET_INCOMPLETE", "error.promotion.sheetIncomplete", scored, candidates);
        }
        judges.findByCycleIdAndJudgeId(cycle.getId(), judge).orElseThrow().submitted(clock.instant());
    }

    /** Every race ranked: presentation means, scores, ranks, and the proposed within each quota. */
    @Transactional
    public void rank(DelegateExecution execution) {
        PromotionCycle cycle = cycle(execution);
        Instant now = clock.instant();
        Map<Grade, Integer> places = quotas.findByCycleIdIn(List.of(cycle.getId())).stream()
                .collect(Collectors.toMap(PromotionQuota::getGrade, PromotionQuota::getPlaces));
        List<PromotionReview> candidates = reviews.findByCycleIdAndStateOrderById(cycle.getId(), ReviewState.QUALIFIED);
        Map<Long, List<BigDecimal>> byReview = scores.findByCycleId(cycle.getId()).stream().collect(Collectors.groupingBy(
                PresentationScore::getReviewId, Collectors.mapping(PresentationScore::getScore, Collectors.toList())));
        Map<Long, CustomerManager> people = managers.byIds(candidates.stream().map(PromotionReview::getManagerId).toList());
        Map<Long, PromotionReview> byId = candidates.stream().collect(Collectors.toMap(PromotionReview::getId, Function.identity()));
        for (Grade grade : List.of(Grade.INTERMEDIATE, Grade.SENIOR)) {
            List<Races.Entry> entries = new ArrayList<>();
            for (PromotionReview r : candidates) {
                if (r.getTargetGrade() == grade) {
                    BigDecimal presentation = Races.mean(byReview.getOrDefault(r.getId(), List.of()));
                    entries.add(new Races.Entry(r.getId(), r.getSupervisorScore(), presentation, r.getAnnualScore(), r.getGradeSince(),
                            people.get(r.getManagerId()).getEmployeeNo()));
                }
            }
            for (Races.Placed p : Races.rank(entries, places.getOrDefault(grade, 0), properties.weights())) {
                Races.Entry e = entries.stream().filter(x -> x.reviewId() == p.reviewId()).findFirst().orElseThrow();
                PromotionReview r = byId.get(p.reviewId());
                r.scored(e.presentation(), p.total(), now);
                r.ranked(p.rank(), p.proposed(), now);
            }
        }
        cycle.panelClosed(now);
    }

    /**
     * HR approved: the grades change at once, demotions first, each with the cycle's process as the
     * deciding process and HR's approver as the decider. The SENIOR cap is checked on the branch's
     * live head count (locked), so nothing published exceeds it, whatever happened since opening.
     * A manager who left, or whose grade changed since opening, is left as they are.
     */
    @Transactional
    public void publish(DelegateExecution execution) {
        PromotionCycle cycle = cycle(execution);
        String approver = (String) execution.getVariable(DecidedBy.VARIABLE);
        String pid = execution.getProcessInstanceId();
        Instant now = clock.instant();
        List<PromotionReview> all = reviews.findByCycleIdOrderById(cycle.getId());
        Map<Long, CustomerManager> people = managers.byIds(all.stream().map(PromotionReview::getManagerId).toList());
        Map<PromotionReview, Outcome> outcomes = new HashMap<>();
        for (PromotionReview r : all) {
            CustomerManager m = people.get(r.getManagerId());
            boolean current = m != null && m.getStatus() != ManagerStatus.LEFT && m.getGrade() == r.getGrade();
            outcomes.put(r, current ? outcome(r) : Outcome.UNCHANGED);
        }
        long seniorsIn = outcomes.entrySet().stream().filter(e -> e.getValue() == Outcome.PROMOTED && e.getKey().getTargetGrade() == Grade.SENIOR).count();
        long seniorsOut = outcomes.entrySet().stream().filter(e -> e.getValue() == Outcome.DEMOTED && e.getKey().getGrade() == Grade.SENIOR).count();
        if (seniorsIn - seniorsOut > 0) {
            gradeQuotas.checkSeniorCap("approveList", cycle.getBranchId(), (int) (seniorsIn - seniorsOut));
        }
        List<Long> demoted = new ArrayList<>();
        for (Outcome pass : List.of(Outcome.DEMOTED, Outcome.PROMOTED)) {
            for (PromotionReview r : all) {
                if (outcomes.get(r) != pass) {
                    continue;
                }
                if (pass == Outcome.DEMOTED) {
                    String reason = r.getReview() == ReviewKind.DEMOTE ? "CYCLE_ABSENCE" : "CYCLE_RECOMPETITION_LOST";
                    effects.demote(r.getManagerId(), new ManagerEffects.Decision(reason, pid, approver));
                    demoted.add(r.getManagerId());
                } else {
                    effects.promote(r.getManagerId(), new ManagerEffects.Decision("CYCLE_PROMOTED", pid, approver));
                }
            }
        }
        outcomes.forEach((r, o) -> r.decided(o, now));
        if (!demoted.isEmpty()) {
            for (Long twice : reviews.demotedIn(cycle.getYear() - 1, demoted)) {
                events.publishEvent(new ExitReviewDue(twice, ExitReviewDue.Cause.DEMOTED_TWICE, "CYCLE-" + cycle.getId(), pid));
            }
        }
        cycle.published(approver, now);
    }

    /** What publication does to a review whose manager still holds the grade reviewed. */
    static Outcome outcome(PromotionReview r) {
        boolean placed = r.getState() == ReviewState.QUALIFIED && r.isProposed();
        return switch (r.getReview()) {
            case PROMOTE -> placed ? Outcome.PROMOTED : r.getState() == ReviewState.QUALIFIED ? Outcome.NOT_PLACED : Outcome.UNCHANGED;
            case RECOMPETE -> placed ? Outcome.KEPT : Outcome.DEMOTED;
            case DEMOTE -> Outcome.DEMOTED;
            case NONE -> Outcome.UNCHANGED;
        };
    }

    private PromotionCycle cycle(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("cycleId")).longValue();
        return cycles.findById(id).orElseThrow(() -> new IllegalStateException("no promotion cycle " + id));
    }
}
