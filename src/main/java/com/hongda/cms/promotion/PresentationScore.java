package com.hongda.cms.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** One judge's score of one candidate's case-analysis presentation (案例分析演讲), out of 100. */
@Entity
@Table(name = "promotion_score")
public class PresentationScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;

    @Column(name = "review_id", nullable = false, updatable = false)
    private Long reviewId;

    @Column(name = "judge_id", nullable = false, updatable = false)
    private String judgeId;

    @Column(nullable = false)
    private BigDecimal score;

    @Column(name = "scored_at", nullable = false)
    private Instant scoredAt;

    @Version
    private long version;

    protected PresentationScore() {
    }

    PresentationScore(long cycleId, long reviewId, String judgeId, BigDecimal score, Instant now) {
        this.cycleId = cycleId;
        this.reviewId = reviewId;
        this.judgeId = judgeId;
        rescore(score, now);
    }

    void rescore(BigDecimal score, Instant now) {
        this.score = score;
        this.scoredAt = now;
    }

    public Long getCycleId() { return cycleId; }
    public Long getReviewId() { return reviewId; }
    public String getJudgeId() { return judgeId; }
    public BigDecimal getScore() { return score; }
    public Instant getScoredAt() { return scoredAt; }
}
