package com.hongda.cms.manager;

import com.hongda.cms.common.Region;
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
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer manager. Grade and status change only through the intention-named methods, which
 * also produce the grade-history entry that explains the change.
 */
@Entity
@Table(name = "customer_manager")
public class CustomerManager {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "employee_no", nullable = false, updatable = false)
    private String employeeNo;

    @Column(nullable = false)
    private String name;

    /** The login of the manager, if they have one; links the manager to the identity tables. */
    @Column(name = "user_id")
    private String userId;

    /** The branch the manager belongs to (a branch record). */
    @Column(name = "branch_id", nullable = false)
    private Long branchId;

    // Stored as VARCHAR, not a native MySQL ENUM, so the same schema serves H2 and MySQL.
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Region region;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Grade grade;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private ManagerStatus status;

    /** The grade's place on the ladder, so that sorting by grade follows the ladder, not the alphabet. */
    @Column(name = "grade_rank", nullable = false)
    private int gradeRank;

    @Column(name = "supervisor_user_id")
    private String supervisorUserId;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_since")
    private LocalDate statusSince;

    @Column(name = "status_process_instance_id")
    private String statusProcessInstanceId;

    @Column(name = "grade_since", nullable = false)
    private LocalDate gradeSince;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CustomerManager() {
    }

    /**
     * Registers a manager. A trainee starts on probation; a manager registered at a higher grade
     * (staff already in the sequence when the system is introduced) starts active.
     */
    static CustomerManager register(String employeeNo, String name, String userId, long branchId, Region region,
                                    Grade grade, String supervisorUserId, LocalDate gradeSince, Instant now) {
        CustomerManager m = new CustomerManager();
        m.employeeNo = employeeNo;
        m.name = name;
        m.userId = userId;
        m.branchId = branchId;
        m.region = region;
        m.grade = grade;
        m.gradeRank = grade.ordinal();
        m.status = grade == Grade.TRAINEE ? ManagerStatus.PROBATION : ManagerStatus.ACTIVE;
        m.supervisorUserId = supervisorUserId;
        m.gradeSince = gradeSince;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    /**
     * Moves the manager to {@code to}. Promotion goes one step up the ladder at a time
     * (逐级晋升); a demotion one step down. Returns the grade before.
     */
    Grade changeGrade(Grade to, LocalDate today, Instant now) {
        return changeGrade(to, false, today, now);
    }

    /** A grade change; {@code skipping} allows an exceptional promotion several grades up (破格晋升). */
    Grade changeGrade(Grade to, boolean skipping, LocalDate today, Instant now) {
        mustNotHaveLeft();
        int step = to.ordinal() - grade.ordinal();
        if (skipping ? step < 1 : Math.abs(step) != 1) {
            throw new IllegalArgumentException("grade changes go one step at a time: " + grade + " -> " + to);
        }
        Grade before = grade;
        grade = to;
        gradeRank = to.ordinal();
        gradeSince = today;
        updatedAt = now;
        return before;
    }

    /** Records a new status with its reason and the process that decided it. */
    void changeStatus(ManagerStatus to, String reason, String processInstanceId, LocalDate today, Instant now) {
        mustNotHaveLeft();
        status = to;
        statusReason = reason;
        statusSince = today;
        statusProcessInstanceId = processInstanceId;
        updatedAt = now;
    }

    /** A new supervisor; returns the one before. */
    String changeSupervisor(String to, Instant now) {
        mustNotHaveLeft();
        String before = supervisorUserId;
        supervisorUserId = to;
        updatedAt = now;
        return before;
    }

    /** Moves the manager to another branch; returns the one before. */
    Long moveToBranch(long to, Instant now) {
        mustNotHaveLeft();
        Long before = branchId;
        branchId = to;
        updatedAt = now;
        return before;
    }

    /** Nothing changes for a manager who left the sequence: their record stays as it was. */
    private void mustNotHaveLeft() {
        if (status == ManagerStatus.LEFT) {
            throw new IllegalStateException("manager " + id + " has left");
        }
    }

    /** Whether customers may be assigned to this manager at all, whatever their tier. */
    public boolean mayOwnCustomers() {
        return status == ManagerStatus.ACTIVE && grade != Grade.TRAINEE;
    }

    public Long getId() { return id; }
    public String getEmployeeNo() { return employeeNo; }
    public String getName() { return name; }
    public String getUserId() { return userId; }
    public Long getBranchId() { return branchId; }
    public Region getRegion() { return region; }
    public Grade getGrade() { return grade; }
    public ManagerStatus getStatus() { return status; }
    public String getSupervisorUserId() { return supervisorUserId; }
    public LocalDate getGradeSince() { return gradeSince; }
    public String getStatusReason() { return statusReason; }
    public LocalDate getStatusSince() { return statusSince; }
    public String getStatusProcessInstanceId() { return statusProcessInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerManager other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
