package com.hongda.cms.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One step in a manager's grade history: from, to, and what every history entry records ({@link ManagerChange}). */
@Entity
@Immutable
@Table(name = "manager_grade_change")
public class GradeChange extends ManagerChange {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_grade")
    private Grade fromGrade;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_grade", nullable = false)
    private Grade toGrade;

    protected GradeChange() {
    }

    GradeChange(Long managerId, Grade fromGrade, Grade toGrade, Instant changedAt, String reason, String processInstanceId,
                String decidedBy) {
        super(managerId, changedAt, reason, processInstanceId, decidedBy);
        this.fromGrade = fromGrade;
        this.toGrade = toGrade;
    }

    public Grade getFromGrade() { return fromGrade; }
    public Grade getToGrade() { return toGrade; }
}
