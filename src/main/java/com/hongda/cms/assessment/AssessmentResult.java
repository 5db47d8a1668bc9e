package com.hongda.cms.assessment;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One manager's result in a round: the parts as they came in (each with who entered it), the score the
 * scheme computed with its breakdown, the supervisor's confirmation and, once published, the rank in
 * branch and grade. Rows are made in bulk when a round opens; parts and scores change only through
 * the case's steps, and nothing changes after publication but a decided objection.
 */
@Entity
@Table(name = "assessment_result")
public class AssessmentResult implements ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false, updatable = false)
    private Long roundId;

    @Column(name = "manager_id", nullable = false, updatable = false)
    private Long managerId;

    @Column(name = "branch_id", nullable = false, updatable = false)
    private Long branchId;

    @Column(nullable = false, updatable = false)
    private String grade;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private ResultState state;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "exclusion_reason")
    private Exclusion exclusionReason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "self_scores")
    private String selfScores;
    @Column(name = "self_entered_by")
    private String selfEnteredBy;
    @Column(name = "supervisor_scores")
    private String supervisorScores;
    @Column(name = "supervisor_entered_by")
    private String supervisorEnteredBy;
    @Column(name = "performance_scores")
    private String performanceScores;
    @Column(name = "performance_entered_by")
    private String performanceEnteredBy;
    @Column(name = "customer_ratings")
    private String customerRatings;
    @Column(name = "customer_entered_by")
    private String customerEnteredBy;

    @Column(name = "complaint_deduction", nullable = false)
    private BigDecimal complaintDeduction;
    @Column(name = "performance_score")
    private BigDecimal performanceScore;
    @Column(name = "behaviour_score")
    private BigDecimal behaviourScore;
    @Column(name = "ability_score")
    private BigDecimal abilityScore;
    @Column(name = "total_score")
    private BigDecimal totalScore;
    /** The visit coverage the score read, as JSON: {@code {"customers":12,"overdue":3}}; null before scoring. */
    @Column(name = "visit_coverage")
    private String visitCoverage;
    /** The combined value of each indicator, as JSON: {@code {"ATTITUDE":81.5,...}}. */
    @Column
    private String breakdown;

    @Column(name = "confirmed_by")
    private String confirmedBy;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "rank_in_group")
    private Integer rankInGroup;
    @Column(name = "group_size")
    private Integer groupSize;
    @Column(name = "top_percent")
    private BigDecimal topPercent;

    @Column(name = "objection_reason")
    private String objectionReason;
    @Column(name = "objected_at")
    private Instant objectedAt;
    @Column(name = "objection_outcome")
    private String objectionOutcome;
    @Column(name = "objection_decided_by")
    private String objectionDecidedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AssessmentResult() {
    }

    void scored(Scoring.Score score, String breakdownJson, String visitCoverageJson, Instant now) {
        this.visitCoverage = visitCoverageJson;
        this.performanceScore = score.groups().get(IndicatorGroup.PERFORMANCE);
        this.behaviourScore = score.groups().get(IndicatorGroup.BEHAVIOUR);
        this.abilityScore = score.groups().get(IndicatorGroup.ABILITY);
        this.complaintDeduction = score.deduction();
        this.totalScore = score.total();
        this.breakdown = breakdownJson;
        this.state = ResultState.SCORED;
        this.updatedAt = now;
    }

    /** A score without indicators (the skills test, the annual review). */
    void scored(BigDecimal total, Instant now) {
        this.totalScore = Scoring.round(total);
        this.state = ResultState.SCORED;
        this.updatedAt = now;
    }

    void confirmed(String by, Instant now) {
        this.state = ResultState.CONFIRMED;
        this.confirmedBy = by;
        this.confirmedAt = now;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public Long getRoundId() { return roundId; }
    public Long getManagerId() { return managerId; }
    public Long getBranchId() { return branchId; }
    public String getGrade() { return grade; }
    public ResultState getState() { return state; }
    public Exclusion getExclusionReason() { return exclusionReason; }
    @Override
    public String getProcessInstanceId() { return processInstanceId; }
    public String getSelfScores() { return selfScores; }
    public String getSelfEnteredBy() { return selfEnteredBy; }
    public String getSupervisorScores() { return supervisorScores; }
    public String getSupervisorEnteredBy() { return supervisorEnteredBy; }
    public String getPerformanceScores() { return performanceScores; }
    public String getPerformanceEnteredBy() { return performanceEnteredBy; }
    public String getCustomerRatings() { return customerRatings; }
    public String getCustomerEnteredBy() { return customerEnteredBy; }
    public String getVisitCoverage() { return visitCoverage; }
    public BigDecimal getComplaintDeduction() { return complaintDeduction; }
    public BigDecimal getPerformanceScore() { return performanceScore; }
    public BigDecimal getBehaviourScore() { return behaviourScore; }
    public BigDecimal getAbilityScore() { return abilityScore; }
    public BigDecimal getTotalScore() { return totalScore; }
    public String getBreakdown() { return breakdown; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Integer getRankInGroup() { return rankInGroup; }
    public Integer getGroupSize() { return groupSize; }
    public BigDecimal getTopPercent() { return topPercent; }
    public String getObjectionReason() { return objectionReason; }
    public Instant getObjectedAt() { return objectedAt; }
    public String getObjectionOutcome() { return objectionOutcome; }
    public String getObjectionDecidedBy() { return objectionDecidedBy; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssessmentResult other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
