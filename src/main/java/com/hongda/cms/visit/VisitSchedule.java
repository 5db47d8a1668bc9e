package com.hongda.cms.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * Where a customer stands with its visits ({@code customer_visit_state}): its manager, the day of the
 * current assignment, the last logged visit, when the next is due (the last visit, else the assignment day,
 * plus the tier's months) and the due date a reminder was started for.
 */
@Entity
@Table(name = "customer_visit_state")
public class VisitSchedule {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "manager_id")
    private Long managerId;

    @Column(name = "assigned_on")
    private LocalDate assignedOn;

    @Column(name = "last_visit_on")
    private LocalDate lastVisitOn;

    @Column(name = "next_visit_due")
    private LocalDate nextVisitDue;

    @Column(name = "reminded_for")
    private LocalDate remindedFor;

    @Version
    private long version;

    protected VisitSchedule() {
    }

    VisitSchedule(long customerId) {
        this.customerId = customerId;
    }

    void assigned(long manager, LocalDate on) {
        this.managerId = manager;
        this.assignedOn = on;
    }

    /** A logged visit; one logged late for an earlier day does not move the last visit back. */
    void visited(Long manager, LocalDate on) {
        if (manager != null) {
            this.managerId = manager;
        }
        if (lastVisitOn == null || on.isAfter(lastVisitOn)) {
            this.lastVisitOn = on;
        }
    }

    /** The next visit is due {@code months} after the last visit, else after the assignment; none without either. */
    void dueEvery(int months) {
        LocalDate base = lastVisitOn != null ? lastVisitOn : assignedOn;
        this.nextVisitDue = base == null ? null : base.plusMonths(months);
    }

    void reminded() {
        this.remindedFor = nextVisitDue;
    }

    /** Whether the next visit was due before {@code today}. */
    public boolean overdue(LocalDate today) {
        return nextVisitDue != null && nextVisitDue.isBefore(today);
    }

    public Long getCustomerId() { return customerId; }
    public Long getManagerId() { return managerId; }
    public LocalDate getAssignedOn() { return assignedOn; }
    public LocalDate getLastVisitOn() { return lastVisitOn; }
    public LocalDate getNextVisitDue() { return nextVisitDue; }
    public LocalDate getRemindedFor() { return remindedFor; }
}
