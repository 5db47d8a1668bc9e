package com.hongda.cms.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A judge of a cycle's panel (竞聘评审小组), and when they submitted their scoring sheet. */
@Entity
@Table(name = "promotion_judge")
public class PanelJudge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;

    @Column(name = "judge_id", nullable = false, updatable = false)
    private String judgeId;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected PanelJudge() {
    }

    PanelJudge(long cycleId, String judgeId) {
        this.cycleId = cycleId;
        this.judgeId = judgeId;
    }

    void submitted(Instant now) {
        this.submittedAt = now;
    }

    public Long getCycleId() { return cycleId; }
    public String getJudgeId() { return judgeId; }
    public Instant getSubmittedAt() { return submittedAt; }
}
