package com.hongda.cms.personnel;

import com.hongda.cms.manager.ExitReviewDue;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.workflow.ProcessCase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A personnel case (人事案件) about one manager: what was reported or proposed, by whom, and what was
 * decided, by whom, when and why. The cause is the misconduct's category or the exit review's cause.
 */
@Entity
@Table(name = "personnel_case")
public class PersonnelCase implements ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    private PersonnelKind kind;

    @Column(name = "manager_id", nullable = false, updatable = false)
    private Long managerId;

    @Column(updatable = false)
    private String cause;

    @Column(name = "occurred_on", updatable = false)
    private LocalDate occurredOn;

    @Column(updatable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "target_grade", updatable = false)
    private Grade targetGrade;

    @Column(updatable = false)
    private String reference;

    @Column(name = "reported_by", updatable = false)
    private String reportedBy;

    @Column(name = "reported_at", nullable = false, updatable = false)
    private Instant reportedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private PersonnelState state;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private PersonnelOutcome outcome;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Version
    private long version;

    protected PersonnelCase() {
    }

    private PersonnelCase(PersonnelKind kind, long managerId, String reportedBy, Instant now) {
        this.kind = kind;
        this.managerId = managerId;
        this.reportedBy = reportedBy;
        this.reportedAt = now;
        this.state = PersonnelState.OPEN;
    }

    static PersonnelCase misconduct(long managerId, MisconductCategory category, LocalDate occurredOn, String description,
                                    String reportedBy, Instant now) {
        PersonnelCase c = new PersonnelCase(PersonnelKind.MISCONDUCT, managerId, reportedBy, now);
        c.cause = category.name();
        c.occurredOn = occurredOn;
        c.description = description;
        return c;
    }

    static PersonnelCase exitReview(ExitReviewDue due, Instant now) {
        PersonnelCase c = new PersonnelCase(PersonnelKind.EXIT_REVIEW, due.managerId(), null, now);
        c.cause = due.cause().name();
        c.reference = due.reference();
        return c;
    }

    static PersonnelCase exceptionalPromotion(long managerId, Grade targetGrade, String reason, String proposedBy, Instant now) {
        PersonnelCase c = new PersonnelCase(PersonnelKind.EXCEPTIONAL_PROMOTION, managerId, proposedBy, now);
        c.targetGrade = targetGrade;
        c.description = reason;
        return c;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** A committee member approved (an exceptional promotion's first approval). */
    void approved(String by, Instant at) {
        this.approvedBy = by;
        this.approvedAt = at;
    }

    /** Decided ({@code outcome} applied) or rejected (no outcome), by whom, when and why. */
    void closed(PersonnelState state, PersonnelOutcome outcome, String by, Instant at, String reason) {
        this.state = state;
        this.outcome = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionReason = reason;
    }

    public Long getId() { return id; }
    public PersonnelKind getKind() { return kind; }
    public Long getManagerId() { return managerId; }
    public String getCause() { return cause; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public String getDescription() { return description; }
    public Grade getTargetGrade() { return targetGrade; }
    public String getReference() { return reference; }
    public String getReportedBy() { return reportedBy; }
    public Instant getReportedAt() { return reportedAt; }
    public PersonnelState getState() { return state; }
    public PersonnelOutcome getOutcome() { return outcome; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
    @Override
    public String getProcessInstanceId() { return processInstanceId; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonnelCase other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
