package com.hongda.cms.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One customer of a reassignment case: its tier when listed, and where, when and by whom it was moved. */
@Entity
@Table(name = "customer_reassignment_item")
public class ReassignmentItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "reassignment_id", nullable = false, updatable = false)
    private Long reassignmentId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    private Tier tier;

    @Column(name = "moved_to_manager_id")
    private Long movedToManagerId;

    @Column(name = "moved_at")
    private Instant movedAt;

    @Column(name = "moved_by")
    private String movedBy;

    protected ReassignmentItem() {
    }

    ReassignmentItem(long reassignmentId, long customerId, Tier tier) {
        this.reassignmentId = reassignmentId;
        this.customerId = customerId;
        this.tier = tier;
    }

    void moved(long toManagerId, Instant at, String by) {
        this.movedToManagerId = toManagerId;
        this.movedAt = at;
        this.movedBy = by;
    }

    boolean isMoved() {
        return movedAt != null;
    }

    public Long getId() { return id; }
    public Long getReassignmentId() { return reassignmentId; }
    public Long getCustomerId() { return customerId; }
    public Tier getTier() { return tier; }
    public Long getMovedToManagerId() { return movedToManagerId; }
    public Instant getMovedAt() { return movedAt; }
    public String getMovedBy() { return movedBy; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReassignmentItem other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
