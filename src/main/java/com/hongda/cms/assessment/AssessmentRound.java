package com.hongda.cms.assessment;

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

/** An assessment round: its kind, period, scope (a branch with those below it, or all), the scheme it keeps, and state. */
@Entity
@Table(name = "assessment_round")
public class AssessmentRound implements com.hongda.cms.workflow.ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    private RoundKind kind;

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private LocalDate periodEnd;

    @Column(name = "branch_id", updatable = false)
    private Long branchId;

    @Column(name = "scheme_definition_id", nullable = false, updatable = false)
    private String schemeDefinitionId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private RoundState state;

    @Column(name = "manager_count", nullable = false)
    private int managerCount;

    @Column(name = "excluded_count", nullable = false)
    private int excludedCount;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "objections_until")
    private Instant objectionsUntil;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AssessmentRound() {
    }

    AssessmentRound(RoundKind kind, LocalDate periodStart, LocalDate periodEnd, Long branchId, String schemeDefinitionId,
                    String openedBy, Instant now) {
        this.kind = kind;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.branchId = branchId;
        this.schemeDefinitionId = schemeDefinitionId;
        this.state = RoundState.OPEN;
        this.openedBy = openedBy;
        this.openedAt = now;
        this.updatedAt = now;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void counted(int managers, int excluded, Instant now) {
        this.managerCount = managers;
        this.excludedCount = excluded;
        this.updatedAt = now;
    }

    void published(String by, Instant at, Instant objectionsUntil) {
        this.state = RoundState.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = at;
        this.objectionsUntil = objectionsUntil;
        this.updatedAt = at;
    }

    public Long getId() { return id; }
    public RoundKind getKind() { return kind; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public Long getBranchId() { return branchId; }
    public String getSchemeDefinitionId() { return schemeDefinitionId; }
    public RoundState getState() { return state; }
    public int getManagerCount() { return managerCount; }
    public int getExcludedCount() { return excludedCount; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getObjectionsUntil() { return objectionsUntil; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssessmentRound other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
