package com.hongda.cms.manager;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every entry of a manager's histories records besides the change itself: which manager, when,
 * why, who decided and, when a process decided it, which process instance. Written once, never changed.
 */
@MappedSuperclass
public abstract class ManagerChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "manager_id", nullable = false)
    private Long managerId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String reason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "decided_by")
    private String decidedBy;

    protected ManagerChange() {
    }

    protected ManagerChange(Long managerId, Instant changedAt, String reason, String processInstanceId, String decidedBy) {
        this.managerId = managerId;
        this.changedAt = changedAt;
        this.reason = reason;
        this.processInstanceId = processInstanceId;
        this.decidedBy = decidedBy;
    }

    public Long getId() { return id; }
    public Long getManagerId() { return managerId; }
    public Instant getChangedAt() { return changedAt; }
    public String getReason() { return reason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDecidedBy() { return decidedBy; }
}
