package com.hongda.cms.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hibernate.annotations.Immutable;

/**
 * One step in a manager's grade history: from, to, when, why, who decided and, when a process
 * decided it, which process instance. Written once, never changed.
 */
@Entity
@Immutable
@Table(name = "manager_grade_change")
public class GradeChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "manager_id", nullable = false)
    private Long managerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_grade")
    private Grade fromGrade;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_grade", nullable = false)
    private Grade toGrade;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String reason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "decided_by")
    private String decidedBy;

    protected GradeChange() {
    }

    GradeChange(Long managerId, Grade fromGrade, Grade toGrade, Instant changedAt, String reason,
                String processInstanceId, String decidedBy) {
        this.managerId = managerId;
        this.fromGrade = fromGrade;
        this.toGrade = toGrade;
        this.changedAt = changedAt;
        this.reason = reason;
        this.processInstanceId = processInstanceId;
        this.decidedBy = decidedBy;
    }

    public Long getId() { return id; }
    public Long getManagerId() { return managerId; }
    public Grade getFromGrade() { return fromGrade; }
    public Grade getToGrade() { return toGrade; }
    public Instant getChangedAt() { return changedAt; }
    public String getReason() { return reason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDecidedBy() { return decidedBy; }
}
