package com.hongda.cms.promotion;

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
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A promotion cycle: a branch, the performance year whose annual ranking it reads, and its state. */
@Entity
@Table(name = "promotion_cycle")
public class PromotionCycle implements com.hongda.cms.workflow.ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "branch_id", nullable = false, updatable = false)
    private Long branchId;

    @Column(name = "performance_year", nullable = false, updatable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private CycleState state;

    @Column(name = "application_deadline", nullable = false, updatable = false)
    private Instant applicationDeadline;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "panel_named_by")
    private String panelNamedBy;

    @Column(name = "panel_closed_at")
    private Instant panelClosedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PromotionCycle() {
    }

    PromotionCycle(long branchId, int year, Instant applicationDeadline, String openedBy, Instant now) {
        this.branchId = branchId;
        this.year = year;
        this.applicationDeadline = applicationDeadline;
        this.openedBy = openedBy;
        this.openedAt = now;
        this.updatedAt = now;
        this.state = CycleState.APPLYING;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void moveTo(CycleState to, Instant now) {
        this.state = to;
        this.updatedAt = now;
    }

    void panelNamed(String by, Instant now) {
        this.panelNamedBy = by;
        moveTo(CycleState.JUDGING, now);
    }

    void panelClosed(Instant now) {
        this.panelClosedAt = now;
        moveTo(CycleState.APPROVAL, now);
    }

    void published(String by, Instant now) {
        this.approvedBy = by;
        this.publishedAt = now;
        moveTo(CycleState.PUBLISHED, now);
    }

    /** Whether the judges' scores may be shown beyond the auditor: the panel has closed. */
    public boolean panelClosed() {
        return panelClosedAt != null;
    }

    public Long getId() { return id; }
    public Long getBranchId() { return branchId; }
    public int getYear() { return year; }
    public CycleState getState() { return state; }
    public Instant getApplicationDeadline() { return applicationDeadline; }
    @Override
    public String getProcessInstanceId() { return processInstanceId; }
    public String getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public String getPanelNamedBy() { return panelNamedBy; }
    public Instant getPanelClosedAt() { return panelClosedAt; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getPublishedAt() { return publishedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromotionCycle c && id != null && id.equals(c.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
