package com.hongda.cms.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One escalation of a complaint: its level, what was breached, when, and who was notified. */
@Entity
@Table(name = "complaint_escalation")
public class ComplaintEscalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false, updatable = false)
    private Long complaintId;

    @Column(nullable = false, updatable = false)
    private int level;

    /** FIRST_RESPONSE, RESOLUTION (a breached SLA) or STILL_OPEN (still in handling a further period later). */
    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "escalated_at", nullable = false, updatable = false)
    private Instant escalatedAt;

    /** Who was notified: {@code user:<id>} and {@code group:<role>} entries, separated by commas. */
    @Column(nullable = false, updatable = false)
    private String notified;

    protected ComplaintEscalation() {
    }

    ComplaintEscalation(long complaintId, int level, String kind, Instant at, String notified) {
        this.complaintId = complaintId;
        this.level = level;
        this.kind = kind;
        this.escalatedAt = at;
        this.notified = notified;
    }

    public Long getComplaintId() { return complaintId; }
    public int getLevel() { return level; }
    public String getKind() { return kind; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public String getNotified() { return notified; }
}
