package com.hongda.cms.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One step in a manager's status history: from, to, when, why, who decided and, when a process
 * decided it, which process instance. Written once, never changed.
 */
@Entity
@Immutable
@Table(name = "manager_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "manager_id", nullable = false)
    private Long managerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_status")
    private ManagerStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_status", nullable = false)
    private ManagerStatus toStatus;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String reason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "decided_by")
    private String decidedBy;

    protected StatusChange() {
    }

    StatusChange(Long managerId, ManagerStatus fromStatus, ManagerStatus toStatus, Instant changedAt, String reason,
                 String processInstanceId, String decidedBy) {
        this.managerId = managerId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedAt = changedAt;
        this.reason = reason;
        this.processInstanceId = processInstanceId;
        this.decidedBy = decidedBy;
    }

    public Long getId() { return id; }
    public Long getManagerId() { return managerId; }
    public ManagerStatus getFromStatus() { return fromStatus; }
    public ManagerStatus getToStatus() { return toStatus; }
    public Instant getChangedAt() { return changedAt; }
    public String getReason() { return reason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDecidedBy() { return decidedBy; }
}
