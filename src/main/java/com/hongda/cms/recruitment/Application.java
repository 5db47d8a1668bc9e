package com.hongda.cms.recruitment;

import com.hongda.cms.common.Texts;
import com.hongda.cms.common.Region;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An application for the customer-manager sequence. Its state and scores change only through the
 * steps of the recruitment-review process, via the intention-named methods below.
 */
@Entity
@Table(name = "recruitment_application")
public class Application implements ProcessCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "candidate_user_id")
    private String candidateUserId;

    @Column(nullable = false)
    private String name;

    private String phone;

    private String email;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Origin origin;

    @Column(name = "employee_no")
    private String employeeNo;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Education education;

    @Column(name = "years_of_experience", nullable = false, precision = 4, scale = 1)
    private BigDecimal yearsOfExperience;

    @Column(name = "performance_summary", nullable = false)
    private String performanceSummary;

    @Column(name = "declares_ethics", nullable = false)
    private boolean declaresEthics;

    @Column(name = "declares_no_bad_record", nullable = false)
    private boolean declaresNoBadRecord;

    @Column(name = "declares_healthy", nullable = false)
    private boolean declaresHealthy;

    @Column(name = "branch_id", nullable = false)
    private Long branchId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Region region;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private ApplicationState state;

    @Column(name = "ineligibility_reasons")
    private String ineligibilityReasons;

    @Column(name = "education_score")
    private Integer educationScore;

    @Column(name = "experience_score")
    private Integer experienceScore;

    @Column(name = "performance_score")
    private Integer performanceScore;

    @Column(name = "written_score")
    private Integer writtenScore;

    @Column(name = "interview_score", precision = 5, scale = 2)
    private BigDecimal interviewScore;

    @Column(name = "interview_count")
    private Integer interviewCount;

    @Column(name = "composite_score", precision = 5, scale = 2)
    private BigDecimal compositeScore;

    @Column(name = "rejection_stage")
    private String rejectionStage;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    /** The candidate's login while the application is open, else null; unique (one open application each). */
    @Column(name = "open_candidate")
    private String openCandidate;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "manager_id")
    private Long managerId;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Application() {
    }

    static Application submit(SubmitApplicationInput in, long branchId, Region region, String candidateUserId, String submittedBy, Instant now) {
        Application a = new Application();
        a.candidateUserId = candidateUserId;
        a.name = in.name().trim();
        a.phone = Texts.blankToNull(in.phone());
        a.email = Texts.blankToNull(in.email());
        a.origin = in.origin();
        a.employeeNo = Texts.blankToNull(in.employeeNo());
        a.education = in.education();
        a.yearsOfExperience = in.yearsOfExperience().setScale(1, RoundingMode.HALF_UP);
        a.performanceSummary = in.performanceSummary().trim();
        a.declaresEthics = in.declaresEthics();
        a.declaresNoBadRecord = in.declaresNoBadRecord();
        a.declaresHealthy = in.declaresHealthy();
        a.branchId = branchId;
        a.region = region;
        a.state = ApplicationState.SUBMITTED;
        a.openCandidate = candidateUserId;
        a.submittedBy = submittedBy;
        a.submittedAt = now;
        a.updatedAt = now;
        return a;
    }

    void startedAs(String processInstance) {
        this.processInstanceId = processInstance;
    }

    void eligibilityChecked(List<String> reasons, Instant now) {
        if (reasons.isEmpty()) {
            state = ApplicationState.IN_REVIEW;
        } else {
            state = ApplicationState.INELIGIBLE;
            openCandidate = null;
            ineligibilityReasons = String.join(",", reasons);
        }
        updatedAt = now;
    }

    void scored(int education, int experience, int performance, int written, BigDecimal interview, int interviews,
                BigDecimal composite, Instant now) {
        this.educationScore = education;
        this.experienceScore = experience;
        this.performanceScore = performance;
        this.writtenScore = written;
        this.interviewScore = interview;
        this.interviewCount = interviews;
        this.compositeScore = composite;
        this.updatedAt = now;
    }

    void rejected(String stage, String reason, Instant now) {
        state = ApplicationState.REJECTED;
        openCandidate = null;
        rejectionStage = stage;
        rejectionReason = reason;
        updatedAt = now;
    }

    void hiredAs(long manager, Instant now) {
        state = ApplicationState.HIRED;
        openCandidate = null;
        managerId = manager;
        updatedAt = now;
    }

    public List<String> ineligibilityReasons() {
        return ineligibilityReasons == null || ineligibilityReasons.isEmpty() ? List.of()
                : Arrays.asList(ineligibilityReasons.split(","));
    }


    public Long getId() { return id; }
    public String getCandidateUserId() { return candidateUserId; }
    public String getName() { return name; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public Origin getOrigin() { return origin; }
    public String getEmployeeNo() { return employeeNo; }
    public Education getEducation() { return education; }
    public BigDecimal getYearsOfExperience() { return yearsOfExperience; }
    public String getPerformanceSummary() { return performanceSummary; }
    public boolean isDeclaresEthics() { return declaresEthics; }
    public boolean isDeclaresNoBadRecord() { return declaresNoBadRecord; }
    public boolean isDeclaresHealthy() { return declaresHealthy; }
    public Long getBranchId() { return branchId; }
    public Region getRegion() { return region; }
    public ApplicationState getState() { return state; }
    public Integer getEducationScore() { return educationScore; }
    public Integer getExperienceScore() { return experienceScore; }
    public Integer getPerformanceScore() { return performanceScore; }
    public Integer getWrittenScore() { return writtenScore; }
    public BigDecimal getInterviewScore() { return interviewScore; }
    public Integer getInterviewCount() { return interviewCount; }
    public BigDecimal getCompositeScore() { return compositeScore; }
    public String getRejectionStage() { return rejectionStage; }
    public String getRejectionReason() { return rejectionReason; }
    @Override
    public String getProcessInstanceId() { return processInstanceId; }
    public Long getManagerId() { return managerId; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Application other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
