package com.hongda.cms.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step in a manager's status history: from, to, and what every history entry records ({@link ManagerChange}). */
@Entity
@Immutable
@Table(name = "manager_status_change")
public class StatusChange extends ManagerChange {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_status")
    private ManagerStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_status", nullable = false)
    private ManagerStatus toStatus;

    protected StatusChange() {
    }

    StatusChange(Long managerId, ManagerStatus fromStatus, ManagerStatus toStatus, Instant changedAt, String reason, String processInstanceId,
                String decidedBy) {
        super(managerId, changedAt, reason, processInstanceId, decidedBy);
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
    }

    public ManagerStatus getFromStatus() { return fromStatus; }
    public ManagerStatus getToStatus() { return toStatus; }
}
