package com.hongda.cms.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One step in a manager's branch history: from which branch to which, and what every history entry records ({@link ManagerChange}). */
@Entity
@Immutable
@Table(name = "manager_branch_change")
public class ManagerBranchChange extends ManagerChange {

    @Column(name = "from_branch_id")
    private Long fromBranchId;

    @Column(name = "to_branch_id", nullable = false)
    private Long toBranchId;

    protected ManagerBranchChange() {
    }

    ManagerBranchChange(Long managerId, Long fromBranchId, Long toBranchId, Instant changedAt, String reason,
                 String processInstanceId, String decidedBy) {
        super(managerId, changedAt, reason, processInstanceId, decidedBy);
        this.fromBranchId = fromBranchId;
        this.toBranchId = toBranchId;
    }

    public Long getFromBranchId() { return fromBranchId; }
    public Long getToBranchId() { return toBranchId; }
}
