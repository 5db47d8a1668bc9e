package com.hongda.cms.support;

import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Region;
import com.hongda.cms.customer.AssignmentService;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.CustomerInput.ContactInput;
import com.hongda.cms.customer.CustomerInput.CreateCustomerInput;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.customer.CustomerType;
import com.hongda.cms.customer.Industry;
import com.hongda.cms.manager.CreateManagerInput;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.IdentityBootstrap;
import com.hongda.cms.security.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test data made through the application's own services. Names and numbers carry a per-run
 * prefix, so tests never collide with each other or with an earlier run on the same database.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "test-pw";

    /** One user per role, plus a second manager and supervisor; ids are the role in lower case with "t-". */
    public static final String ADMIN = "t-admin";
    public static final String HR = "t-hr";
    public static final String SUPERVISOR = "t-supervisor";
    public static final String SUPERVISOR2 = "t-supervisor2";
    public static final String COMMITTEE = "t-committee";
    public static final String JUDGE = "t-judge";
    public static final String SERVICE = "t-service";
    public static final String AUDITOR = "t-auditor";
    public static final String MANAGER = "t-manager";
    public static final String MANAGER2 = "t-manager2";
    public static final String CANDIDATE = "t-candidate";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000L, 36).toUpperCase();

    private final IdentityService identityService;
    private final IdentityBootstrap identities;
    private final ManagerService managers;
    private final CustomerService customers;
    private final AssignmentService assignments;
    private final JdbcTemplate jdbc;
    private final Branches branches;
    private final java.util.Map<String, Long> branchIds = new java.util.concurrent.ConcurrentHashMap<>();

    Fixtures(IdentityService identityService, IdentityBootstrap identities, ManagerService managers,
             CustomerService customers, AssignmentService assignments, JdbcTemplate jdbc, Branches branches) {
        this.branches = branches;
        this.identityService = identityService;
        this.identities = identities;
        this.managers = managers;
        this.customers = customers;
        this.assignments = assignments;
        this.jdbc = jdbc;
    }

    public void ensureUsers() {
        user(ADMIN, Role.ADMIN);
        user(HR, Role.HR);
        user(SUPERVISOR, Role.SUPERVISOR);
        user(SUPERVISOR2, Role.SUPERVISOR);
        user(COMMITTEE, Role.COMMITTEE);
        user(JUDGE, Role.JUDGE);
        user(SERVICE, Role.SERVICE_DESK);
        user(AUDITOR, Role.AUDITOR);
        user(MANAGER, Role.MANAGER);
        user(MANAGER2, Role.MANAGER);
        user(CANDIDATE, Role.CANDIDATE);
    }

    /** A new user of a unique id in {@code role}, with the tests' password; returns the id. */
    public String newUser(String prefix, Role role) {
        String id = unique(prefix).toLowerCase();
        user(id, role);
        return id;
    }

    private void user(String id, Role role) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            identities.createUser(id, id, PASSWORD, role);
        }
    }

    /** A unique text for names, numbers and branches of one test. */
    public String unique(String prefix) {
        return prefix + RUN + "-" + SEQ.incrementAndGet();
    }

    /**
     * The id of the branch of this name, created (urban, without a head) on first use; tests name
     * branches like any other text of theirs, unique per run.
     */
    public String branchId(String name) {
        return String.valueOf(branchIds.computeIfAbsent(name, n -> {
            List<Long> found = jdbc.queryForList("select id from branch where name = ?", Long.class, n);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            String code = unique("T").replaceAll("[^A-Za-z0-9_-]", "");
            return branches.create(new Branches.NewBranch(code, n, Region.URBAN, null, null, null, "TEST"), ADMIN).getId();
        }));
    }

    public CustomerManager manager(String branch, Region region, Grade grade) {
        return manager(branch, region, grade, null, SUPERVISOR);
    }

    public CustomerManager manager(String branch, Region region, Grade grade, String userId, String supervisor) {
        String no = unique("E");
        return managers.register(new CreateManagerInput(no, "经理" + no, userId, branchId(branch), region, grade, supervisor,
                null, null), ADMIN);
    }

    /** The manager linked to {@code userId}, registered on first use. */
    public CustomerManager managerOf(String userId, Grade grade) {
        return managers.findByUser(userId).orElseGet(() -> manager(unique("B"), Region.URBAN, grade, userId, SUPERVISOR));
    }

    /** A customer whose profile falls in the given tier under the default tier table. */
    public Customer customer(String name, Tier tier, Region region) {
        Industry industry = Industry.OTHER;
        int employees = 10;
        String revenue = switch (tier) {
            case A1 -> "600000";
            case A2 -> "250000";
            case B1 -> "60000";
            case B2 -> "20000";
            case C -> "1000";
        };
        return customers.create(new CreateCustomerInput(name, CustomerType.ENTERPRISE, industry, region, employees,
                new BigDecimal(revenue), List.of(new ContactInput("联系人", "经理", "13912345678", "boss@example.com"))));
    }

    public void assign(Customer customer, CustomerManager manager) {
        assignments.assign(customer.getId(), manager.getId(), "test", ADMIN);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Tiers as the fixtures name them. */
    public enum Tier { A1, A2, B1, B2, C }
}
