package com.hongda.cms.prospect;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One contact with a prospect, as the manager recorded it. */
@Entity
@Table(name = "prospect_follow_up")
public class ProspectFollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "prospect_id", nullable = false, updatable = false)
    private Long prospectId;

    @Column(name = "contacted_on", nullable = false, updatable = false)
    private LocalDate contactedOn;

    @Column(name = "notes", nullable = false, updatable = false)
    private String notes;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected ProspectFollowUp() {
    }

    ProspectFollowUp(long prospectId, LocalDate contactedOn, String notes, String recordedBy, Instant recordedAt) {
        this.prospectId = prospectId;
        this.contactedOn = contactedOn;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getProspectId() { return prospectId; }
    public LocalDate getContactedOn() { return contactedOn; }
    public String getNotes() { return notes; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
