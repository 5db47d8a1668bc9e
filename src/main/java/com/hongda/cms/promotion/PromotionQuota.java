package com.hongda.cms.promotion;

import com.hongda.cms.manager.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The quota of one target grade in a cycle, as computed at opening (docs/rules.md#promotion-quotas):
 * {@code target = floor(graded × share / 100)}, {@code staying = holders − recompeting − leavingGrade},
 * {@code places = max(0, target − staying)}. The SENIOR target is a hard cap.
 */
@Entity
@Table(name = "promotion_quota")
public class PromotionQuota {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false)
    private Grade grade;

    @Column(name = "graded_count", nullable = false, updatable = false)
    private int gradedCount;

    @Column(name = "share_percent", nullable = false, updatable = false)
    private int sharePercent;

    @Column(nullable = false, updatable = false)
    private int target;

    @Column(nullable = false, updatable = false)
    private int holders;

    @Column(nullable = false, updatable = false)
    private int recompeting;

    @Column(name = "leaving_grade", nullable = false, updatable = false)
    private int leavingGrade;

    @Column(nullable = false, updatable = false)
    private int places;

    @Column(name = "hard_cap", nullable = false, updatable = false)
    private boolean hardCap;

    protected PromotionQuota() {
    }

    PromotionQuota(Long cycleId, Quota q) {
        this.cycleId = cycleId;
        this.grade = q.grade();
        this.gradedCount = q.gradedCount();
        this.sharePercent = q.sharePercent();
        this.target = q.target();
        this.holders = q.holders();
        this.recompeting = q.recompeting();
        this.leavingGrade = q.leavingGrade();
        this.places = q.places();
        this.hardCap = q.hardCap();
    }

    /** The arithmetic as a value, the same whether previewed or stored. */
    public Quota toQuota() {
        return new Quota(grade, gradedCount, sharePercent, target, holders, recompeting, leavingGrade, places, hardCap);
    }

    public Long getCycleId() { return cycleId; }
    public Grade getGrade() { return grade; }
    public int getPlaces() { return places; }
}
