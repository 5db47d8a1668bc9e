package com.hongda.cms.branch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One changed value of a branch: which, from what to what, why, who and when. Written once. */
@Entity
@Immutable
@Table(name = "branch_change")
public class BranchChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "branch_id", nullable = false)
    private Long branchId;

    /** NAME, REGION, PARENT, HEAD, CREATED or a {@link BranchSettings.Setting}. */
    @Column(nullable = false)
    private String field;

    @Column(name = "from_value")
    private String fromValue;

    @Column(name = "to_value")
    private String toValue;

    @Column(nullable = false)
    private String reason;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected BranchChange() {
    }

    BranchChange(Long branchId, String field, String fromValue, String toValue, String reason, String changedBy, Instant changedAt) {
        this.branchId = branchId;
        this.field = field;
        this.fromValue = fromValue;
        this.toValue = toValue;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public Long getBranchId() { return branchId; }
    public String getField() { return field; }
    public String getFromValue() { return fromValue; }
    public String getToValue() { return toValue; }
    public String getReason() { return reason; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
}
