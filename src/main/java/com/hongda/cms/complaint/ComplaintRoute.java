package com.hongda.cms.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A re-routing by the service desk: the new handler or queue, why, who, when. */
@Entity
@Table(name = "complaint_route")
public class ComplaintRoute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false, updatable = false)
    private Long complaintId;

    @Column(name = "queue_group", updatable = false)
    private String queueGroup;

    @Column(name = "handler_user_id", updatable = false)
    private String handlerUserId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "routed_by", nullable = false, updatable = false)
    private String routedBy;

    @Column(name = "routed_at", nullable = false, updatable = false)
    private Instant routedAt;

    protected ComplaintRoute() {
    }

    ComplaintRoute(long complaintId, String queueGroup, String handlerUserId, String reason, String routedBy, Instant at) {
        this.complaintId = complaintId;
        this.queueGroup = queueGroup;
        this.handlerUserId = handlerUserId;
        this.reason = reason;
        this.routedBy = routedBy;
        this.routedAt = at;
    }

    public Long getComplaintId() { return complaintId; }
    public String getQueueGroup() { return queueGroup; }
    public String getHandlerUserId() { return handlerUserId; }
    public String getReason() { return reason; }
    public String getRoutedBy() { return routedBy; }
    public Instant getRoutedAt() { return routedAt; }
}
