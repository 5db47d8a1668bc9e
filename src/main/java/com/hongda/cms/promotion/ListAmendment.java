package com.hongda.cms.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** HR's amendment of the proposed list: a candidate put on or taken off it, with the reason. */
@Entity
@Table(name = "promotion_amendment")
public class ListAmendment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;

    @Column(name = "review_id", nullable = false, updatable = false)
    private Long reviewId;

    @Column(nullable = false, updatable = false)
    private boolean proposed;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "amended_by", nullable = false, updatable = false)
    private String amendedBy;

    @Column(name = "amended_at", nullable = false, updatable = false)
    private Instant amendedAt;

    protected ListAmendment() {
    }

    ListAmendment(long cycleId, long reviewId, boolean proposed, String reason, String amendedBy, Instant at) {
        this.cycleId = cycleId;
        this.reviewId = reviewId;
        this.proposed = proposed;
        this.reason = reason;
        this.amendedBy = amendedBy;
        this.amendedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getReviewId() { return reviewId; }
    public boolean isProposed() { return proposed; }
    public String getReason() { return reason; }
    public String getAmendedBy() { return amendedBy; }
    public Instant getAmendedAt() { return amendedAt; }
}
