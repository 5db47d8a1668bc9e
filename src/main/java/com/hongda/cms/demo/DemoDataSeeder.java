package com.hongda.cms.demo;

import com.hongda.cms.branch.Branch;
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
import com.hongda.cms.manager.ManagerFilter;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.IdentityBootstrap;
import com.hongda.cms.security.People;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import com.hongda.cms.security.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import com.hongda.cms.prospect.FollowUpClass;
import com.hongda.cms.prospect.NewProspect;
import com.hongda.cms.prospect.Prospects;
import com.hongda.cms.visit.VisitKind;
import com.hongda.cms.visit.Visits;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo users (password {@code demo}) and a small data set, once, in the embedded default
 * profile: the users as the first administrator is made ({@link IdentityBootstrap}), everything else
 * as the demo administrator through the services the API calls (branches, profiles, managers,
 * customers, assignments), so the demo data keeps every rule and history the API keeps. {@code @Profile("default")} is active only when no profile is chosen, so the
 * {@code mysql} profile (and the tests) never see demo data.
 */
@Component
@Profile("default")
@Order(10)
public class DemoDataSeeder implements ApplicationRunner {

    /** The demo logins and their roles. */
    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "系统管理员", Role.ADMIN),
            new DemoUser("hr", "人力资源部 周敏", Role.HR),
            new DemoUser("supervisor", "客户部主管 吴刚", Role.SUPERVISOR),
            new DemoUser("committee", "晋级管理小组 郑华", Role.COMMITTEE),
            new DemoUser("judge1", "评审委员 冯一", Role.JUDGE),
            new DemoUser("judge2", "评审委员 冯二", Role.JUDGE),
            new DemoUser("judge3", "评审委员 冯三", Role.JUDGE),
            new DemoUser("judge4", "评审委员 冯四", Role.JUDGE),
            new DemoUser("judge5", "评审委员 冯五", Role.JUDGE),
            new DemoUser("service", "客服 何琳", Role.SERVICE_DESK),
            new DemoUser("director", "客服主管 陈洁", Role.SERVICE_DIRECTOR),
            new DemoUser("auditor", "内审 曹明", Role.AUDITOR),
            new DemoUser("manager1", "客户经理 王芳", Role.MANAGER, Role.EMPLOYEE),
            new DemoUser("candidate1", "报名人员 林晨", Role.CANDIDATE));

    /** A demo login, its display name and roles. */
    public record DemoUser(String id, String name, Role... roles) {
    }

    /** The password of every demo user. */
    public static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final IdentityService identityService;
    private final IdentityBootstrap identities;
    private final ManagerService managers;
    private final CustomerService customers;
    private final AssignmentService assignments;
    private final Branches branches;
    private final People people;
    private final Visits visits;
    private final Prospects prospects;

    DemoDataSeeder(IdentityService identityService, IdentityBootstrap identities, ManagerService managers,
                   CustomerService customers, AssignmentService assignments, Branches branches, People people, Visits visits,
                   Prospects prospects) {
        this.visits = visits;
        this.prospects = prospects;
        this.people = people;
        this.branches = branches;
        this.identityService = identityService;
        this.identities = identities;
        this.managers = managers;
        this.customers = customers;
        this.assignments = assignments;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ensureUsers(identityService, identities);
        if (managers.findByUser("manager1").isPresent()) {
            return;
        }
        // The demo administrator sets up the company through the services the API calls, checks included.
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            seed();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void seed() {
        Branch city = branches.create(new Branches.NewBranch("XJ", "新疆分公司", Region.URBAN, null, null, null, "DEMO"), "admin");
        Branch east = branch("CD01", "城东分公司", Region.URBAN, city);
        Branch south = branch("NS01", "南山县营业部", Region.RURAL, city);
        for (DemoUser u : USERS) {
            Branch home = List.of("manager1", "judge1", "judge2", "judge3").contains(u.id()) ? east
                    : u.id().equals("candidate1") ? null : city;
            if (home != null) {
                people.update(u.id(), new People.Details(null, null, null, home.getId()));
            }
        }
        CustomerManager wang = manager("M0001", "王芳", "manager1", east, Grade.SENIOR, 6);
        CustomerManager li = manager("M0002", "李强", null, east, Grade.INTERMEDIATE, 14);
        CustomerManager zhang = manager("M0003", "张伟", null, east, Grade.JUNIOR, 9);
        CustomerManager liu = manager("M0004", "刘洋", null, south, Grade.JUNIOR, 20);
        manager("M0005", "陈静", null, east, Grade.TRAINEE, 1);
        CustomerManager zhao = manager("M0006", "赵磊", null, south, Grade.INTERMEDIATE, 30);
        manager("M0007", "孙丽", null, south, Grade.SENIOR, 40);

        Customer energy = customer("新疆能源集团", CustomerType.GROUP, Industry.ENERGY, Region.URBAN, 5200, "820000");
        assign(energy, wang);
        Customer office = customer("市人民政府办公厅", CustomerType.ENTERPRISE, Industry.GOVERNMENT, Region.URBAN, 300, "60000");
        assign(office, wang);
        assign(customer("天山制造有限公司", CustomerType.ENTERPRISE, Industry.MANUFACTURING, Region.URBAN, 800, "90000"), li);
        assign(customer("丝路物流有限公司", CustomerType.ENTERPRISE, Industry.TRANSPORT, Region.URBAN, 120, "30000"), zhang);
        assign(customer("南山县第一中学", CustomerType.ENTERPRISE, Industry.EDUCATION, Region.RURAL, 90, "12000"), liu);
        assign(customer("绿洲农业合作社", CustomerType.GROUP, Industry.AGRICULTURE, Region.RURAL, 60, "8000"), zhao);
        customer("街角便利店", CustomerType.RETAIL_OUTLET, Industry.RETAIL, Region.URBAN, 4, "3000");
        customer("都市晨报社", CustomerType.ENTERPRISE, Industry.MEDIA, Region.URBAN, 150, "40000");
        customer("个人客户 马先生", CustomerType.INDIVIDUAL, Industry.OTHER, Region.URBAN, 1, "500");
        // 王芳 visited the energy group last month and will call the government office next week; she follows up
        // two prospects, one due within a week (class A), one within a month (class C).
        LocalDate today = LocalDate.now();
        visits.log(null, energy.getId(), new Visits.Report(VisitKind.VISIT, "季度走访", today.minusMonths(1), "客户计划明年扩容专线", List.of()),
                "admin");
        visits.plan(office.getId(), today.plusDays(7), VisitKind.PHONE, "了解办公网络需求", "admin");
        prospects.register(new NewProspect("华兴商贸有限公司", CustomerType.ENTERPRISE, Industry.RETAIL, Region.URBAN, 80, new BigDecimal("30000"),
                List.of(new com.hongda.cms.customer.Contact("李经理", "总经理", "13912345678", "li@example.com")), FollowUpClass.A, wang.getId()),
                "admin");
        prospects.register(new NewProspect("天池旅游公司", CustomerType.ENTERPRISE, Industry.OTHER, Region.URBAN, 40, new BigDecimal("15000"),
                List.of(), FollowUpClass.C, wang.getId()), "admin");
        log.info("Seeded demo data: {} managers", managers.page(new ManagerFilter(null, null, null, null, null, null),
                null, new com.hongda.cms.common.PageArgs(1, null, null, null)).getTotalCount());
    }

    /** Creates the demo users that do not exist yet; existing users are left as they are. */
    public static void ensureUsers(IdentityService identityService, IdentityBootstrap identities) {
        for (DemoUser u : USERS) {
            if (identityService.createUserQuery().userId(u.id()).count() == 0) {
                identities.createUser(u.id(), u.name(), PASSWORD, u.roles());
            }
        }
    }

    /** A branch under {@code parent}, headed by the demo supervisor, who then supervises its managers. */
    private Branch branch(String code, String name, Region region, Branch parent) {
        return branches.create(new Branches.NewBranch(code, name, region, parent.getId(), "supervisor", null, "DEMO"), "admin");
    }

    private CustomerManager manager(String no, String name, String userId, Branch branch, Grade grade, int monthsInGrade) {
        return managers.register(new CreateManagerInput(no, name, userId, String.valueOf(branch.getId()), null, grade, null,
                LocalDate.now().minusMonths(monthsInGrade), "DEMO"), "admin");
    }

    private Customer customer(String name, CustomerType type, Industry industry, Region region, int employees, String revenue) {
        List<ContactInput> contacts = List.of(new ContactInput("联系人 " + name.substring(0, 2), "办公室主任",
                "13800138" + String.format("%03d", Math.abs(name.hashCode()) % 1000), "contact@example.com"));
        return customers.create(new CreateCustomerInput(name, type, industry, region, employees, new BigDecimal(revenue), contacts));
    }

    private void assign(Customer customer, CustomerManager manager) {
        assignments.assign(customer.getId(), manager.getId(), "DEMO", "admin");
    }
}
