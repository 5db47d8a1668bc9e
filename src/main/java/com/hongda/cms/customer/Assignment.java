package com.hongda.cms.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One period in which a manager served a customer: who assigned it, when and why, and when and
 * why it ended. A customer has at most one assignment without an end.
 */
@Entity
@Table(name = "customer_assignment")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "manager_id", nullable = false, updatable = false)
    private Long managerId;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "assigned_by", nullable = false, updatable = false)
    private String assignedBy;

    @Column(updatable = false)
    private String reason;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private String endedBy;

    @Column(name = "end_reason")
    private String endReason;

    protected Assignment() {
    }

    Assignment(Long customerId, Long managerId, Instant assignedAt, String assignedBy, String reason) {
        this.customerId = customerId;
        this.managerId = managerId;
        this.assignedAt = assignedAt;
        this.assignedBy = assignedBy;
        this.reason = reason;
    }

    void end(Instant at, String by, String why) {
        this.endedAt = at;
        this.endedBy = by;
        this.endReason = why;
    }

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public Long getManagerId() { return managerId; }
    public Instant getAssignedAt() { return assignedAt; }
    public String getAssignedBy() { return assignedBy; }
    public String getReason() { return reason; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndedBy() { return endedBy; }
    public String getEndReason() { return endReason; }
}
