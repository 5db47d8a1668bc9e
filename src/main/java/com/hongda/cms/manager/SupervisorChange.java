package com.hongda.cms.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One step in a manager's supervision history: from whom to whom, and what every history entry records ({@link ManagerChange}). */
@Entity
@Immutable
@Table(name = "manager_supervisor_change")
public class SupervisorChange extends ManagerChange {

    @Column(name = "from_supervisor")
    private String fromSupervisor;

    @Column(name = "to_supervisor")
    private String toSupervisor;

    protected SupervisorChange() {
    }

    SupervisorChange(Long managerId, String fromSupervisor, String toSupervisor, Instant changedAt, String reason,
                     String processInstanceId, String decidedBy) {
        super(managerId, changedAt, reason, processInstanceId, decidedBy);
        this.fromSupervisor = fromSupervisor;
        this.toSupervisor = toSupervisor;
    }

    public String getFromSupervisor() { return fromSupervisor; }
    public String getToSupervisor() { return toSupervisor; }
}
