package com.hongda.cms.prospect;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Contact;
import com.hongda.cms.customer.CustomerType;
import com.hongda.cms.customer.Industry;
import com.hongda.cms.workflow.ProcessCase;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A prospective customer followed up by a manager: the customer profile it will have once won, its
 * confidential contacts, the follow-up class and the deadline for a result, and how it ended.
 */
@Entity
@Table(name = "prospect")
public class Prospect implements ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "customer_type", nullable = false)
    private CustomerType type;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Industry industry;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Region region;

    @Column(nullable = false)
    private int employees;

    @Column(name = "monthly_revenue", nullable = false, precision = 15, scale = 2)
    private BigDecimal monthlyRevenue;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "follow_up_class", nullable = false, updatable = false)
    private FollowUpClass followUpClass;

    @Column(name = "manager_id", nullable = false)
    private Long managerId;

    @Column(name = "deadline")
    private Instant deadline;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false)
    private ProspectState state;

    @Column(name = "result_reason")
    private String resultReason;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "extended", nullable = false)
    private boolean extended;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @ElementCollection
    @CollectionTable(name = "prospect_contact", joinColumns = @JoinColumn(name = "prospect_id"))
    @OrderColumn(name = "seq")
    private List<Contact> contacts = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Prospect() {
    }

    Prospect(NewProspect in, long managerId, String actor, Instant now) {
        this.name = in.name();
        this.type = in.type();
        this.industry = in.industry();
        this.region = in.region();
        this.employees = in.employees();
        this.monthlyRevenue = in.monthlyRevenue();
        this.contacts.addAll(in.contacts());
        this.followUpClass = in.followUpClass();
        this.managerId = managerId;
        this.state = ProspectState.FOLLOWING;
        this.registeredBy = actor;
        this.registeredAt = now;
        this.updatedAt = now;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** A new deadline: at the start, after an extension, after a move to another manager. */
    void dueBy(Instant deadline, Instant now) {
        this.deadline = deadline;
        this.updatedAt = now;
    }

    void extend(Instant deadline, Instant now) {
        this.extended = true;
        dueBy(deadline, now);
    }

    void moveTo(long managerId, Instant deadline, Instant now) {
        this.managerId = managerId;
        dueBy(deadline, now);
    }

    void close(ProspectResult result, String reason, Long customerId, String actor, Instant now) {
        this.state = result.state();
        this.resultReason = reason;
        this.customerId = customerId;
        this.closedBy = actor;
        this.closedAt = now;
        this.updatedAt = now;
    }

    boolean overdue(Instant now) {
        return state == ProspectState.FOLLOWING && deadline != null && deadline.isBefore(now);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CustomerType getType() { return type; }
    public Industry getIndustry() { return industry; }
    public Region getRegion() { return region; }
    public int getEmployees() { return employees; }
    public BigDecimal getMonthlyRevenue() { return monthlyRevenue; }
    public FollowUpClass getFollowUpClass() { return followUpClass; }
    public Long getManagerId() { return managerId; }
    public Instant getDeadline() { return deadline; }
    public ProspectState getState() { return state; }
    public String getResultReason() { return resultReason; }
    public Long getCustomerId() { return customerId; }
    public boolean isExtended() { return extended; }
    public String getRegisteredBy() { return registeredBy; }
    public Instant getRegisteredAt() { return registeredAt; }
    public String getClosedBy() { return closedBy; }
    public Instant getClosedAt() { return closedAt; }
    @Override
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }

    /** Only inside a transaction; contacts are shown through the masking rules. */
    List<Contact> contacts() {
        return contacts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prospect other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
