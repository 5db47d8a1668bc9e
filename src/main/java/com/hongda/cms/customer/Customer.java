package com.hongda.cms.customer;

import com.hongda.cms.common.Region;
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
 * A customer. The tier is never set by a client: it is decided from the profile by the tier
 * decision table whenever the profile changes. The current manager is a plain id; the history
 * of who served the customer is in {@link Assignment}.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
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
    @Column(nullable = false)
    private Tier tier;

    @Column(name = "manager_id")
    private Long managerId;

    @ElementCollection
    @CollectionTable(name = "customer_contact", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "seq")
    private List<Contact> contacts = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {
    }

    static Customer create(CustomerProfile profile, Tier tier, Instant now) {
        Customer c = new Customer();
        c.createdAt = now;
        c.applyProfile(profile, tier, now);
        return c;
    }

    /** Replaces the profile and the tier decided from it. */
    void applyProfile(CustomerProfile profile, Tier decidedTier, Instant now) {
        this.name = profile.name();
        this.type = profile.type();
        this.industry = profile.industry();
        this.region = profile.region();
        this.employees = profile.employees();
        this.monthlyRevenue = profile.monthlyRevenue();
        this.contacts.clear();
        this.contacts.addAll(profile.contacts());
        this.tier = Objects.requireNonNull(decidedTier);
        this.updatedAt = now;
    }

    /** Hands the customer to a manager; the caller has checked the assignment rules. */
    void assignTo(long manager, Instant now) {
        this.managerId = manager;
        this.updatedAt = now;
    }

    CustomerProfile profile() {
        return new CustomerProfile(name, type, industry, region, employees, monthlyRevenue, List.copyOf(contacts));
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public CustomerType getType() { return type; }
    public Industry getIndustry() { return industry; }
    public Region getRegion() { return region; }
    public int getEmployees() { return employees; }
    public BigDecimal getMonthlyRevenue() { return monthlyRevenue; }
    public Tier getTier() { return tier; }
    public Long getManagerId() { return managerId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }

    /** Only for loading inside a transaction; contacts are shown through the masking rules. */
    List<Contact> contacts() {
        return contacts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Customer other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
