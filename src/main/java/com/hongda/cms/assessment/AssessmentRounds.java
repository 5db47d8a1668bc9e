package com.hongda.cms.assessment;

import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens assessment rounds and reads them. */
@Service
public class AssessmentRounds {

    static final String ROUND_PROCESS = "assessment-round";
    static final String ROUND_SUBJECT = "ROUND";

    private final AssessmentRoundRepository rounds;
    private final AssessmentResultRepository results;
    private final AssessmentSchemes schemes;
    private final AssessmentProperties properties;
    private final Branches branches;
    private final CaseStarter starter;
    private final Paging paging;
    private final Clock clock;

    AssessmentRounds(AssessmentRoundRepository rounds, AssessmentResultRepository results, AssessmentSchemes schemes,
                     AssessmentProperties properties, Branches branches, CaseStarter starter, Paging paging, Clock clock) {
        this.rounds = rounds;
        this.results = results;
        this.schemes = schemes;
        this.properties = properties;
        this.branches = branches;
        this.starter = starter;
        this.paging = paging;
        this.clock = clock;
    }

    /**
     * HR opens a round of a kind for a period, for a branch (with the branches below it) or for all.
     * The period ends on or after it starts, lasts at most a year and does not start in the future;
     * one round per kind, period and scope. The round keeps the scheme deployed now. Listing the
     * managers and starting their assessments happen in the background (the round's process), so a
     * round of thousands opens at once; the round row and its process commit together.
     */
    @Transactional
    public AssessmentRound open(RoundKind kind, LocalDate start, LocalDate end, Long branchId, String actor) {
        if (end.isBefore(start)) {
            throw DomainException.badRequest("input.periodEnd", "DATE_RANGE", "error.assessment.periodOrder");
        }
        if (end.isAfter(start.plusYears(1)) || start.isAfter(LocalDate.now(clock)) || start.isBefore(LocalDate.now(clock).minusYears(5))) {
            throw DomainException.badRequest("input.periodStart", "DATE_RANGE", "error.assessment.periodRange");
        }
        if (branchId != null) {
            branches.get("input.branchId", branchId);
        }
        String scheme = schemes.current();
        AssessmentRound round;
        try {
            round = rounds.saveAndFlush(new AssessmentRound(kind, start, end, branchId, scheme, actor, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict("input.periodStart", "ROUND_EXISTS", "error.assessment.roundExists");
        }
        Map<String, Object> vars = Map.of("roundId", round.getId(), "kind", kind.name(),
                "reviewWorkingDays", properties.reviewWorkingDays());
        round.startedAs(starter.start(ROUND_PROCESS, ROUND_SUBJECT, new Subject(ROUND_SUBJECT, round.getId().toString()), vars).getId());
        return round;
    }

    @Transactional(readOnly = true)
    public AssessmentRound get(String field, long id) {
        return rounds.findById(id).orElseThrow(() -> DomainException.notFound(field, "assessmentRound", id));
    }

    @Transactional(readOnly = true)
    public Optional<AssessmentRound> find(long id) {
        return rounds.findById(id);
    }

    /** The rounds with these ids, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, AssessmentRound> byIds(java.util.Collection<Long> ids) {
        return rounds.findAllById(ids.stream().distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(AssessmentRound::getId, java.util.function.Function.identity()));
    }

    /** The filters of the rounds query, each backed by an index. */
    public record RoundFilter(RoundKind kind, RoundState state, Long branchId) {
    }

    /** Rounds, newest period first. */
    @Transactional(readOnly = true)
    public Connection<AssessmentRound> page(RoundFilter filter, PageArgs args) {
        RoundFilter f = filter == null ? new RoundFilter(null, null, null) : filter;
        Specification<AssessmentRound> spec = Specification.allOf(Specs.equal("kind", f.kind()), Specs.equal("state", f.state()),
                Specs.equal("branchId", f.branchId()));
        return paging.page(AssessmentRound.class, spec, Sort.by(Sort.Order.desc("periodStart"), Sort.Order.desc("id")), args);
    }

    /** How many results of each of these rounds stand in each state, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, Map<ResultState, Integer>> progress(java.util.Collection<Long> roundIds) {
        Map<Long, Map<ResultState, Integer>> counts = new java.util.HashMap<>();
        if (!roundIds.isEmpty()) {
            for (Object[] row : results.countByState(roundIds)) {
                counts.computeIfAbsent((Long) row[0], k -> new EnumMap<>(ResultState.class)).put((ResultState) row[1], ((Number) row[2]).intValue());
            }
        }
        return counts;
    }
}
