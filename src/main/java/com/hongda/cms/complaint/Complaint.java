package com.hongda.cms.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A complaint: who complained about whom and what, how it is routed and when it is due, the first
 * response, the finding and resolution, the call-back, how it closed and what followed for the manager.
 * What the figures read (minutes to respond and resolve, within the SLA or not, reopenings, satisfaction)
 * is kept in columns, so they are computed in the database.
 */
@Entity
@Table(name = "complaint")
public class Complaint implements com.hongda.cms.workflow.ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "manager_id", updatable = false)
    private Long managerId;

    @Column(name = "responsible_manager_id")
    private Long responsibleManagerId;

    @Column(name = "branch_id")
    private Long branchId;

    @Column(name = "tier")
    private String tier;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "channel", nullable = false, updatable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "category", nullable = false, updatable = false)
    private Category category;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "severity", nullable = false, updatable = false)
    private Severity severity;

    @Column(name = "description", nullable = false, updatable = false)
    private String description;

    @Column(name = "complainant_name", nullable = false, updatable = false)
    private String complainantName;

    @Column(name = "complainant_contact", nullable = false, updatable = false)
    private String complainantContact;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false)
    private ComplaintState state;

    @Column(name = "queue_group")
    private String queueGroup;

    @Column(name = "handler_user_id")
    private String handlerUserId;

    @Column(name = "sla_clock")
    private String slaClock;

    @Column(name = "awaiting")
    private String awaiting;

    @Column(name = "first_response_due")
    private Instant firstResponseDue;

    @Column(name = "resolution_due")
    private Instant resolutionDue;

    @Column(name = "first_response")
    private String firstResponse;

    @Column(name = "first_responded_at")
    private Instant firstRespondedAt;

    @Column(name = "first_responded_by")
    private String firstRespondedBy;

    @Column(name = "first_response_minutes")
    private Integer firstResponseMinutes;

    @Column(name = "responded_within_sla")
    private Boolean respondedWithinSla;

    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "finding")
    private Finding finding;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "root_cause")
    private RootCause rootCause;

    @Column(name = "resolution")
    private String resolution;

    @Column(name = "apology")
    private Boolean apology;

    @Column(name = "compensation")
    private BigDecimal compensation;

    @Column(name = "compensation_approved_by")
    private String compensationApprovedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolution_minutes")
    private Integer resolutionMinutes;

    @Column(name = "resolved_within_sla")
    private Boolean resolvedWithinSla;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Column(name = "satisfaction")
    private Integer satisfaction;

    @Column(name = "callback_comment")
    private String callbackComment;

    @Column(name = "called_back_by")
    private String calledBackBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "close_reason")
    private CloseReason closeReason;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "consequence")
    private Consequence consequence;

    @Column(name = "consequence_note")
    private String consequenceNote;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Complaint() {
    }

    /** A new complaint, as registered. */
    Complaint(NewComplaint in, Long responsibleManagerId, Long branchId, String tier, String registeredBy, Instant now) {
        this.customerId = in.customerId();
        this.managerId = in.managerId();
        this.responsibleManagerId = responsibleManagerId;
        this.branchId = branchId;
        this.tier = tier;
        this.channel = in.channel();
        this.category = in.category();
        this.severity = in.severity();
        this.description = in.description();
        this.complainantName = in.complainantName();
        this.complainantContact = in.complainantContact();
        this.registeredBy = registeredBy;
        this.registeredAt = now;
        this.state = ComplaintState.HANDLING;
        this.updatedAt = now;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Routed: the handler (a person, else a group) and the due dates. */
    void routed(String group, String handler, String clock, Instant responseDue, Instant resolutionDue, Instant now) {
        this.queueGroup = group;
        this.handlerUserId = handler;
        this.slaClock = clock;
        this.firstResponseDue = responseDue;
        this.resolutionDue = resolutionDue;
        this.awaiting = RESPONSE;
        this.updatedAt = now;
    }

    /** Re-routed by the service desk: another handler, the due dates unchanged. */
    void rerouted(String group, String handler, Instant now) {
        this.queueGroup = group;
        this.handlerUserId = handler;
        this.updatedAt = now;
    }

    /** Linked to its customer once known: the tier, the responsible manager and the branch follow. */
    void linked(long customerId, String tier, Long responsibleManagerId, Long branchId, Instant now) {
        this.customerId = customerId;
        this.tier = tier;
        this.responsibleManagerId = responsibleManagerId;
        this.branchId = branchId;
        this.updatedAt = now;
    }

    void responded(String text, String by, Instant now) {
        if (firstRespondedAt == null) {
            this.firstRespondedAt = now;
            this.firstRespondedBy = by;
            this.firstResponseMinutes = (int) Duration.between(registeredAt, now).toMinutes();
            this.respondedWithinSla = !now.isAfter(firstResponseDue);
        }
        this.firstResponse = text;
        this.awaiting = RESOLUTION;
        this.updatedAt = now;
    }

    void resolved(Finding finding, RootCause cause, String resolution, Boolean apology, BigDecimal compensation, String by, Instant now) {
        this.finding = finding;
        this.rootCause = cause;
        this.resolution = resolution;
        this.apology = apology;
        this.compensation = compensation;
        this.compensationApprovedBy = null;
        this.resolvedAt = now;
        this.resolvedBy = by;
        this.resolutionMinutes = (int) Duration.between(registeredAt, now).toMinutes();
        this.resolvedWithinSla = !now.isAfter(resolutionDue);
        this.awaiting = null;
        this.updatedAt = now;
    }

    void compensationApproved(String by, Instant now) {
        this.compensationApprovedBy = by;
        this.updatedAt = now;
    }

    void toCallback(Instant now) {
        this.state = ComplaintState.CALLBACK;
        this.updatedAt = now;
    }

    /** The call-back's answer: satisfaction 1-5 (null when unreachable), the comment, who called. */
    void calledBack(Integer satisfaction, String comment, String by, Instant now) {
        this.satisfaction = satisfaction;
        this.callbackComment = comment;
        this.calledBackBy = by;
        this.updatedAt = now;
    }

    /** Reopened to the handler with new due dates. */
    void reopened(Instant responseDue, Instant resolutionDue, Instant now) {
        this.reopenCount++;
        this.escalationLevel = 0;
        this.awaiting = RESPONSE;
        this.state = ComplaintState.HANDLING;
        this.firstResponseDue = responseDue;
        this.resolutionDue = resolutionDue;
        this.updatedAt = now;
    }

    /** Raised to {@code level}; false when it stands there or higher already. */
    boolean escalateTo(int level, Instant now) {
        if (escalationLevel >= level) {
            return false;
        }
        this.escalationLevel = level;
        this.updatedAt = now;
        return true;
    }

    void closed(CloseReason reason, Instant now) {
        this.state = ComplaintState.CLOSED;
        this.closeReason = reason;
        this.closedAt = now;
        this.updatedAt = now;
    }

    void consequence(Consequence consequence, String note, Instant now) {
        this.consequence = consequence;
        this.consequenceNote = note;
        this.updatedAt = now;
    }

    /** The manager a substantiated complaint counts against: the one complained about, else the customer's manager. */
    public Long againstManagerId() {
        return managerId != null ? managerId : responsibleManagerId;
    }

    /** Whether the complaint was found substantiated and there is a manager it counts against. */
    public boolean substantiatedAgainstManager() {
        return finding == Finding.SUBSTANTIATED && againstManagerId() != null;
    }

    /**
     * The due date running now (the first response's while it is owed, then the resolution's; none once
     * resolved), and whether an SLA was breached: that date passed, or the response or resolution came late.
     */
    public Instant runningDue() {
        if (state != ComplaintState.HANDLING || awaiting == null) {
            return null;
        }
        return RESPONSE.equals(awaiting) ? firstResponseDue : resolutionDue;
    }

    public boolean breached(Instant now) {
        Instant running = runningDue();
        return running != null && now.isAfter(running) || Boolean.FALSE.equals(respondedWithinSla) || Boolean.FALSE.equals(resolvedWithinSla);
    }

    static final String RESPONSE = "RESPONSE";
    static final String RESOLUTION = "RESOLUTION";

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public Long getManagerId() { return managerId; }
    public Long getResponsibleManagerId() { return responsibleManagerId; }
    public Long getBranchId() { return branchId; }
    public String getTier() { return tier; }
    public Channel getChannel() { return channel; }
    public Category getCategory() { return category; }
    public Severity getSeverity() { return severity; }
    public String getDescription() { return description; }
    public String getComplainantName() { return complainantName; }
    public String getComplainantContact() { return complainantContact; }
    public String getRegisteredBy() { return registeredBy; }
    public Instant getRegisteredAt() { return registeredAt; }
    public ComplaintState getState() { return state; }
    public String getQueueGroup() { return queueGroup; }
    public String getHandlerUserId() { return handlerUserId; }
    public String getSlaClock() { return slaClock; }
    public Instant getFirstResponseDue() { return firstResponseDue; }
    public Instant getResolutionDue() { return resolutionDue; }
    public String getFirstResponse() { return firstResponse; }
    public Instant getFirstRespondedAt() { return firstRespondedAt; }
    public String getFirstRespondedBy() { return firstRespondedBy; }
    public Integer getFirstResponseMinutes() { return firstResponseMinutes; }
    public Boolean getRespondedWithinSla() { return respondedWithinSla; }
    public int getEscalationLevel() { return escalationLevel; }
    public Finding getFinding() { return finding; }
    public RootCause getRootCause() { return rootCause; }
    public String getResolution() { return resolution; }
    public Boolean getApology() { return apology; }
    public BigDecimal getCompensation() { return compensation; }
    public String getCompensationApprovedBy() { return compensationApprovedBy; }
    public Instant getResolvedAt() { return resolvedAt; }
    public String getResolvedBy() { return resolvedBy; }
    public Integer getResolutionMinutes() { return resolutionMinutes; }
    public Boolean getResolvedWithinSla() { return resolvedWithinSla; }
    public int getReopenCount() { return reopenCount; }
    public Integer getSatisfaction() { return satisfaction; }
    public String getCallbackComment() { return callbackComment; }
    public String getCalledBackBy() { return calledBackBy; }
    public Instant getClosedAt() { return closedAt; }
    public CloseReason getCloseReason() { return closeReason; }
    public Consequence getConsequence() { return consequence; }
    public String getConsequenceNote() { return consequenceNote; }
    public Instant getUpdatedAt() { return updatedAt; }
    @Override
    public String getProcessInstanceId() { return processInstanceId; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Complaint c && id != null && id.equals(c.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
