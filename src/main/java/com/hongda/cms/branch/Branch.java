package com.hongda.cms.branch;

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
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A branch. Its own settings may be null: then the configured default holds ({@link BranchSettings}).
 * Changes go through {@link Branches}, which records each one.
 */
@Entity
@Table(name = "branch")
public class Branch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    private Region region;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "head_user_id")
    private String headUserId;

    @Column(name = "junior_target_pct")
    private Integer juniorTargetPercent;

    @Column(name = "intermediate_target_pct")
    private Integer intermediateTargetPercent;

    @Column(name = "senior_cap_pct")
    private Integer seniorCapPercent;

    @Column(name = "urban_capacity")
    private Integer urbanCapacity;

    @Column(name = "rural_capacity")
    private Integer ruralCapacity;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Branch() {
    }

    Branch(String code, String name, Region region, Long parentId, String headUserId, BranchSettings.Own settings, Instant now) {
        this.code = code;
        this.name = name;
        this.region = region;
        this.parentId = parentId;
        this.headUserId = headUserId;
        apply(settings);
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String to, Instant now) { name = to; updatedAt = now; }
    void moveTo(Region to, Instant now) { region = to; updatedAt = now; }
    void placeUnder(Long parent, Instant now) { parentId = parent; updatedAt = now; }
    void headedBy(String head, Instant now) { headUserId = head; updatedAt = now; }

    void settle(BranchSettings.Own settings, Instant now) {
        apply(settings);
        updatedAt = now;
    }

    private void apply(BranchSettings.Own s) {
        juniorTargetPercent = s.juniorTargetPercent();
        intermediateTargetPercent = s.intermediateTargetPercent();
        seniorCapPercent = s.seniorCapPercent();
        urbanCapacity = s.urbanCapacity();
        ruralCapacity = s.ruralCapacity();
    }

    /** The branch's own settings; null values take the configured default. */
    public BranchSettings.Own ownSettings() {
        return new BranchSettings.Own(juniorTargetPercent, intermediateTargetPercent, seniorCapPercent, urbanCapacity, ruralCapacity);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public Region getRegion() { return region; }
    public Long getParentId() { return parentId; }
    public String getHeadUserId() { return headUserId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Branch other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
