package com.hongda.cms.assessment;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager objects to their published result (docs/rules.md#assessment-objection): once, with a
 * reason, within the round's objection window; HR decides in the objection's process.
 */
@Service
public class Objections {

    static final String PROCESS = "assessment-objection";
    static final String CASE_TYPE = "OBJECTION";

    private final AssessmentResultRepository results;
    private final AssessmentRoundRepository rounds;
    private final ManagerService managers;
    private final AssessmentProperties properties;
    private final CaseStarter starter;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Objections(AssessmentResultRepository results, AssessmentRoundRepository rounds, ManagerService managers,
               AssessmentProperties properties, CaseStarter starter, JdbcTemplate jdbc, Clock clock) {
        this.results = results;
        this.rounds = rounds;
        this.managers = managers;
        this.properties = properties;
        this.starter = starter;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The caller objects to their own published result. Refused: another's result (NOT_FOUND, as it is
     * not theirs to see), a round not published or a window passed (CONFLICT OBJECTION_CLOSED), a second
     * objection (CONFLICT ALREADY_OBJECTED; the row decides between two at once).
     */
    @Transactional
    public AssessmentResult object(long resultId, String reason) {
        Long own = managers.findByUser(CurrentUser.id()).map(m -> m.getId()).orElse(null);
        AssessmentResult result = results.findById(resultId).filter(r -> r.getManagerId().equals(own))
                .orElseThrow(() -> DomainException.notFound("input.resultId", "assessmentResult", resultId));
        AssessmentRound round = rounds.findById(result.getRoundId()).orElseThrow();
        Instant now = clock.instant();
        if (round.getState() != RoundState.PUBLISHED || round.getObjectionsUntil() == null || now.isAfter(round.getObjectionsUntil())
                || result.getState() != ResultState.CONFIRMED) {
            throw DomainException.conflict("input.resultId", "OBJECTION_CLOSED", "error.assessment.objectionClosed");
        }
        int changed = jdbc.update("update assessment_result set objection_reason = ?, objected_at = ?, version = version + 1"
                + " where id = ? and objected_at is null", reason, Timestamp.from(now), resultId);
        if (changed == 0) {
            throw DomainException.conflict("input.resultId", "ALREADY_OBJECTED", "error.assessment.alreadyObjected");
        }
        starter.start(PROCESS, CASE_TYPE, new Subject(AssessmentBatch.CASE_SUBJECT, Long.toString(resultId)),
                Map.of("resultId", resultId, "roundId", round.getId(), "reviewWorkingDays", properties.reviewWorkingDays()));
        return results.findById(resultId).orElseThrow();
    }
}
