package com.hongda.cms.customer;

import com.hongda.cms.manager.Grade;
import com.hongda.cms.workflow.ProcessCase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A reassignment case (docs/rules.md#customer-reassignment): the customers a manager may no longer own
 * (its items), why, and the supervisor's task in the {@code customer-reassignment} process that hands
 * them to others. OPEN until no listed customer remains with the manager, then DONE.
 */
@Entity
@Table(name = "customer_reassignment")
public class CustomerReassignment implements ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "manager_id", nullable = false, updatable = false)
    private Long managerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    private ReassignmentCause cause;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "grade_before", updatable = false)
    private Grade gradeBefore;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "grade_after", updatable = false)
    private Grade gradeAfter;

    /** The process instance that decided the change behind the case (e.g. the demotion's), if one did. */
    @Column(name = "deciding_process_instance_id", updatable = false)
    private String decidingProcessInstanceId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private ReassignmentState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Version
    private long version;

    protected CustomerReassignment() {
    }

    CustomerReassignment(long managerId, ReassignmentCause cause, Grade gradeBefore, Grade gradeAfter,
                         String decidingProcessInstanceId, Instant now) {
        this.managerId = managerId;
        this.cause = cause;
        this.gradeBefore = gradeBefore;
        this.gradeAfter = gradeAfter;
        this.decidingProcessInstanceId = decidingProcessInstanceId;
        this.state = ReassignmentState.OPEN;
        this.createdAt = now;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void close(String by, Instant at) {
        this.state = ReassignmentState.DONE;
        this.closedBy = by;
        this.closedAt = at;
    }

    public Long getId() { return id; }
    public Long getManagerId() { return managerId; }
    public ReassignmentCause getCause() { return cause; }
    public Grade getGradeBefore() { return gradeBefore; }
    public Grade getGradeAfter() { return gradeAfter; }
    public String getDecidingProcessInstanceId() { return decidingProcessInstanceId; }
    public ReassignmentState getState() { return state; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    @Override
    public String getProcessInstanceId() { return processInstanceId; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerReassignment other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
