package com.hongda.cms.promotion;

import com.hongda.cms.manager.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One graded manager in a cycle: what the eligibility table decided and why, the facts it read, and —
 * for a candidate — the application, the committee's check, the supervisor's evaluation, the
 * presentation's mean, the total, the place in the race, whether proposed, and the outcome.
 */
@Entity
@Table(name = "promotion_review")
public class PromotionReview implements com.hongda.cms.workflow.ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;

    @Column(name = "manager_id", nullable = false, updatable = false)
    private Long managerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    private Grade grade;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "target_grade", updatable = false)
    private Grade targetGrade;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    private ReviewKind review;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private ReviewState state;

    @Column(name = "grade_since", nullable = false, updatable = false)
    private LocalDate gradeSince;

    @Column(name = "months_in_grade", nullable = false, updatable = false)
    private int monthsInGrade;

    @Column(name = "worked_days", nullable = false, updatable = false)
    private int workedDays;

    @Column(name = "annual_score", updatable = false)
    private BigDecimal annualScore;

    @Column(name = "annual_top_percent", updatable = false)
    private BigDecimal annualTopPercent;

    private String statement;

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(name = "checked_by")
    private String checkedBy;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "supervisor_score")
    private BigDecimal supervisorScore;

    @Column(name = "supervisor_by")
    private String supervisorBy;

    @Column(name = "presentation_score")
    private BigDecimal presentationScore;

    @Column(name = "total_score")
    private BigDecimal totalScore;

    @Column(name = "race_rank")
    private Integer raceRank;

    @Column(nullable = false)
    private boolean proposed;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Outcome outcome;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PromotionReview() {
    }

    PromotionReview(long cycleId, Standing s, Instant now) {
        this.cycleId = cycleId;
        this.managerId = s.managerId();
        this.grade = s.grade();
        this.targetGrade = s.targetGrade();
        this.review = s.review();
        this.reason = s.reason();
        this.gradeSince = s.gradeSince();
        this.monthsInGrade = s.monthsInGrade();
        this.workedDays = s.workedDays();
        this.annualScore = s.annualScore();
        this.annualTopPercent = s.topPercent();
        this.state = s.inRace() ? ReviewState.INVITED : ReviewState.LISTED;
        this.updatedAt = now;
    }

    /** Whether the manager competes in a race (eligible or re-competing). */
    public boolean inRace() {
        return review == ReviewKind.PROMOTE || review == ReviewKind.RECOMPETE;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void applied(String statement, Instant now) {
        this.statement = statement;
        this.appliedAt = now;
        to(ReviewState.APPLIED, now);
    }

    void checked(String by, boolean qualified, String rejection, Instant now) {
        this.checkedBy = by;
        this.rejectionReason = rejection;
        to(qualified ? ReviewState.CHECKED : ReviewState.REJECTED, now);
    }

    void evaluated(BigDecimal score, String by, Instant now) {
        this.supervisorScore = score;
        this.supervisorBy = by;
        to(ReviewState.QUALIFIED, now);
    }

    void to(ReviewState to, Instant now) {
        this.state = to;
        this.updatedAt = now;
    }

    void scored(BigDecimal presentation, BigDecimal total, Instant now) {
        this.presentationScore = presentation;
        this.totalScore = total;
        this.updatedAt = now;
    }

    void ranked(Integer rank, boolean proposed, Instant now) {
        this.raceRank = rank;
        this.proposed = proposed;
        this.updatedAt = now;
    }

    void propose(boolean proposed, Instant now) {
        this.proposed = proposed;
        this.updatedAt = now;
    }

    void decided(Outcome outcome, Instant now) {
        this.outcome = outcome;
        to(ReviewState.DECIDED, now);
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getManagerId() { return managerId; }
    public Grade getGrade() { return grade; }
    public Grade getTargetGrade() { return targetGrade; }
    public ReviewKind getReview() { return review; }
    public String getReason() { return reason; }
    public ReviewState getState() { return state; }
    public LocalDate getGradeSince() { return gradeSince; }
    public int getMonthsInGrade() { return monthsInGrade; }
    public int getWorkedDays() { return workedDays; }
    public BigDecimal getAnnualScore() { return annualScore; }
    public BigDecimal getAnnualTopPercent() { return annualTopPercent; }
    public String getStatement() { return statement; }
    public Instant getAppliedAt() { return appliedAt; }
    public String getCheckedBy() { return checkedBy; }
    public String getRejectionReason() { return rejectionReason; }
    public BigDecimal getSupervisorScore() { return supervisorScore; }
    public String getSupervisorBy() { return supervisorBy; }
    public BigDecimal getPresentationScore() { return presentationScore; }
    public BigDecimal getTotalScore() { return totalScore; }
    public Integer getRaceRank() { return raceRank; }
    public boolean isProposed() { return proposed; }
    public Outcome getOutcome() { return outcome; }
    @Override
    public String getProcessInstanceId() { return processInstanceId; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromotionReview r && id != null && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
