package com.hongda.cms.manager;

import com.hongda.cms.common.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What processes do to a manager — confirm after probation, extend probation, promote, demote,
 * suspend, let go — each with a {@link Decision} (reason, process instance, who decided), each
 * written to the manager's grade or status history by the one writer ({@link ManagerHistory}).
 * Called from the process families' steps, inside the engine's transaction.
 */
@Service
public class ManagerEffects {

    /**
     * Why a manager changes: the reason (a code such as PROBATION_PASSED), the process instance that
     * decided it, and the person who decided (see the workflow kit's {@code DecidedBy}).
     */
    public record Decision(String reason, String processInstanceId, String decidedBy) {
    }

    private final ManagerRepository managers;
    private final ManagerHistory history;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    ManagerEffects(ManagerRepository managers, ManagerHistory history, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.managers = managers;
        this.history = history;
        this.clock = clock;
    }

    /** Probation passed: the TRAINEE becomes JUNIOR and ACTIVE. */
    @Transactional
    public CustomerManager confirm(long managerId, Decision why) {
        CustomerManager m = manager(managerId);
        if (m.getGrade() != Grade.TRAINEE) {
            throw DomainException.conflict("managerId", "NOT_A_TRAINEE", "error.manager.notTrainee", m.getName());
        }
        changeGrade(m, Grade.JUNIOR, why);
        changeStatus(m, ManagerStatus.ACTIVE, why);
        return m;
    }

    /** Probation failed and is extended: the manager stays (again) on PROBATION. */
    @Transactional
    public CustomerManager extendProbation(long managerId, Decision why) {
        return toStatus(managerId, ManagerStatus.PROBATION, why);
    }

    /** One grade up the ladder (逐级晋升); a TRAINEE is confirmed, not promoted, and SENIOR is the top. */
    @Transactional
    public GradeChange promote(long managerId, Decision why) {
        return oneStep(managerId, +1, Grade.JUNIOR, Grade.INTERMEDIATE, "error.manager.noPromotion", why);
    }

    /** One grade down the ladder; a JUNIOR cannot go lower (a TRAINEE has not started). */
    @Transactional
    public GradeChange demote(long managerId, Decision why) {
        return oneStep(managerId, -1, Grade.INTERMEDIATE, Grade.SENIOR, "error.manager.noDemotion", why);
    }

    /**
     * An exceptional promotion (破格晋升): to any higher grade, skipping grades, above TRAINEE; the
     * caller's process holds the extra approvals it needs, and its reason says it was exceptional.
     */
    @Transactional
    public GradeChange promoteExceptionally(long managerId, Grade to, Decision why) {
        CustomerManager m = manager(managerId);
        if (m.getGrade() == Grade.TRAINEE || to.compareTo(m.getGrade()) <= 0) {
            throw DomainException.conflict("managerId", "GRADE_ONE_STEP", "error.manager.gradeStep", m.getGrade(), to);
        }
        return changeGrade(m, to, true, why);
    }

    /**
     * A new supervisor for the manager (checked by the caller to be a person holding SUPERVISOR);
     * returns null when it is the supervisor already.
     */
    @Transactional
    public SupervisorChange changeSupervisor(long managerId, String supervisorId, Decision why) {
        CustomerManager m = manager(managerId);
        if (supervisorId.equals(m.getSupervisorUserId())) {
            return null;
        }
        Instant now = clock.instant();
        String before = unlessLeft(m, () -> m.changeSupervisor(supervisorId, now));
        return history.supervisor(m, before, now, why);
    }

    /**
     * Moves the manager to another branch (checked by the caller to exist); returns null when it is
     * their branch already.
     */
    @Transactional
    public ManagerBranchChange transfer(long managerId, long branchId, Decision why) {
        CustomerManager m = manager(managerId);
        if (m.getBranchId() == branchId) {
            return null;
        }
        Instant now = clock.instant();
        Long before = unlessLeft(m, () -> m.moveToBranch(branchId, now));
        return history.branch(m, before, now, why);
    }

    @Transactional
    public CustomerManager suspend(long managerId, Decision why) {
        return toStatus(managerId, ManagerStatus.SUSPENDED, why);
    }

    /** The manager leaves the sequence (dismissed, transferred, resigned): status LEFT, for good. */
    @Transactional
    public CustomerManager leave(long managerId, Decision why) {
        CustomerManager m = toStatus(managerId, ManagerStatus.LEFT, why);
        events.publishEvent(new ManagerLeft(managerId, why.reason(), why.processInstanceId(), why.decidedBy()));
        return m;
    }

    /** One step of {@code direction} on the ladder, for a manager whose grade lies between {@code lowest} and {@code highest}. */
    private GradeChange oneStep(long managerId, int direction, Grade lowest, Grade highest, String refusal, Decision why) {
        CustomerManager m = manager(managerId);
        if (m.getGrade().compareTo(lowest) < 0 || m.getGrade().compareTo(highest) > 0) {
            throw DomainException.conflict("managerId", "GRADE_ONE_STEP", refusal, m.getName(), m.getGrade());
        }
        return changeGrade(m, Grade.values()[m.getGrade().ordinal() + direction], false, why);
    }

    private CustomerManager toStatus(long managerId, ManagerStatus status, Decision why) {
        CustomerManager m = manager(managerId);
        changeStatus(m, status, why);
        return m;
    }

    private CustomerManager manager(long managerId) {
        return managers.findById(managerId).orElseThrow(() -> DomainException.notFound("managerId", "manager", managerId));
    }

    private GradeChange changeGrade(CustomerManager m, Grade to, Decision why) {
        return changeGrade(m, to, false, why);
    }

    /** Changes the grade, writes the history and tells the other modules ({@link GradeChanged}, in this transaction). */
    private GradeChange changeGrade(CustomerManager m, Grade to, boolean skipping, Decision why) {
        Instant now = clock.instant();
        Grade before;
        try {
            before = m.changeGrade(to, skipping, LocalDate.now(clock), now);
        } catch (IllegalArgumentException e) {
            throw DomainException.conflict("managerId", "GRADE_ONE_STEP", "error.manager.gradeStep", m.getGrade(), to);
        } catch (IllegalStateException e) {
            throw DomainException.conflict("managerId", "MANAGER_LEFT", "error.manager.left", m.getName());
        }
        GradeChange change = history.grade(m, before, now, why);
        events.publishEvent(new GradeChanged(m.getId(), m.getBranchId(), before, to, why.reason(), why.processInstanceId(), why.decidedBy()));
        return change;
    }

    private void changeStatus(CustomerManager m, ManagerStatus to, Decision why) {
        ManagerStatus before = m.getStatus();
        Instant now = clock.instant();
        unlessLeft(m, () -> {
            m.changeStatus(to, why.reason(), why.processInstanceId(), LocalDate.now(clock), now);
            return to;
        });
        history.status(m, before, now, why);
    }

    /** Runs a change of a manager, refused as CONFLICT MANAGER_LEFT when they have left the sequence. */
    private static <T> T unlessLeft(CustomerManager m, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalStateException e) {
            throw DomainException.conflict("managerId", "MANAGER_LEFT", "error.manager.left", m.getName());
        }
    }
}
