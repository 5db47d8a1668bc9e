package com.hongda.cms.visit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A visit to a customer, planned or logged. Logging is the one change a visit sees: once LOGGED it is
 * never changed again; a correction is a new visit.
 */
@Entity
@Table(name = "customer_visit")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "manager_id")
    private Long managerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private VisitKind kind;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private VisitStatus status;

    @Column(nullable = false, length = 500)
    private String purpose;

    @Column(name = "planned_on", updatable = false)
    private LocalDate plannedOn;

    @Column(name = "visited_on")
    private LocalDate visitedOn;

    /** The day the list sorts by: visitedOn once logged, plannedOn until then. */
    @Column(name = "visit_on", nullable = false)
    private LocalDate visitOn;

    @Column(length = 2000)
    private String notes;

    @ElementCollection
    @CollectionTable(name = "customer_visit_follow_up", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "seq")
    private List<FollowUp> followUps = new ArrayList<>();

    @Column(name = "planned_by", updatable = false)
    private String plannedBy;

    @Column(name = "planned_at", updatable = false)
    private Instant plannedAt;

    @Column(name = "logged_by")
    private String loggedBy;

    @Column(name = "logged_at")
    private Instant loggedAt;

    @Version
    private long version;

    protected Visit() {
    }

    static Visit planned(long customerId, Long managerId, VisitKind kind, String purpose, LocalDate on, String by, Instant now) {
        Visit v = new Visit();
        v.customerId = customerId;
        v.managerId = managerId;
        v.kind = kind;
        v.purpose = purpose;
        v.plannedOn = on;
        v.visitOn = on;
        v.status = VisitStatus.PLANNED;
        v.plannedBy = by;
        v.plannedAt = now;
        return v;
    }

    static Visit unplanned(long customerId, Long managerId) {
        Visit v = new Visit();
        v.customerId = customerId;
        v.managerId = managerId;
        v.status = VisitStatus.PLANNED;
        return v;
    }

    /** Records what happened; only a PLANNED visit (the caller checks). */
    void log(Long managerId, VisitKind kind, String purpose, LocalDate on, String notes, List<FollowUp> followUps, String by, Instant now) {
        if (status != VisitStatus.PLANNED) {
            throw new IllegalStateException("visit " + id + " is logged already");
        }
        this.managerId = managerId;
        this.kind = kind;
        this.purpose = purpose;
        this.visitedOn = on;
        this.visitOn = on;
        this.notes = notes;
        this.followUps.clear();
        this.followUps.addAll(followUps);
        this.status = VisitStatus.LOGGED;
        this.loggedBy = by;
        this.loggedAt = now;
    }

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public Long getManagerId() { return managerId; }
    public VisitKind getKind() { return kind; }
    public VisitStatus getStatus() { return status; }
    public String getPurpose() { return purpose; }
    public LocalDate getPlannedOn() { return plannedOn; }
    public LocalDate getVisitedOn() { return visitedOn; }
    public LocalDate getVisitOn() { return visitOn; }
    public String getNotes() { return notes; }
    public String getPlannedBy() { return plannedBy; }
    public Instant getPlannedAt() { return plannedAt; }
    public String getLoggedBy() { return loggedBy; }
    public Instant getLoggedAt() { return loggedAt; }

    /** Only inside a transaction, or after loading them with the visit. */
    List<FollowUp> followUps() {
        return followUps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Visit other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
