package com.hongda.cms.branch;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.Simultaneously;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Branches through the API: HR creates a regional company and its branches with a head, settings
 * fall back to the defaults, every change is kept for the auditor, a new head takes over the managers
 * the branch's old head supervised, managers move between branches with history, head counts follow
 * grade and status, and bad input is refused with nothing written.
 */
class BranchApiTest extends IntegrationTest {

    private static final String CREATE = """
            mutation($in: CreateBranchInput!) { createBranch(input: $in) { branch { id code name region parentId
              parent { code } headId head { id } settings { juniorTargetPercent intermediateTargetPercent seniorCapPercent
              urbanCapacity ruralCapacity defaults } } } }""";
    private static final String UPDATE = """
            mutation($in: UpdateBranchInput!) { updateBranch(input: $in) { branch { id name region parentId
              settings { seniorCapPercent juniorTargetPercent defaults } } } }""";
    private static final String HEAD = """
            mutation($b: ID!, $h: ID, $why: String!) { setBranchHead(input: {branchId: $b, headId: $h, reason: $why}) {
              changed branch { headId } } }""";
    private static final String CREATE_MANAGER = """
            mutation($in: CreateManagerInput!) { createManager(input: $in) { manager { id region supervisorId branchId
              branch { code } } } }""";

    @Test
    void hrSetsUpARegionalCompanyWithBranchesWhoseSettingsFallBackToTheDefaults() {
        String region = create(Fixtures.HR, branch(fixtures.unique("R"), "区域公司" + fixtures.unique(""), "URBAN"))
                .path("createBranch.branch.id").entity(String.class).get();
        Map<String, Object> in = branch(fixtures.unique("S"), "支行" + fixtures.unique(""), "RURAL");
        in.put("parentId", region);
        in.put("headId", Fixtures.SUPERVISOR);
        in.put("settings", Map.of("seniorCapPercent", 15, "juniorTargetPercent", 35));
        GraphQlTester.Response created = create(Fixtures.HR, in);
        created.path("createBranch.branch.parentId").entity(String.class).isEqualTo(region)
                .path("createBranch.branch.head.id").entity(String.class).isEqualTo(Fixtures.SUPERVISOR)
                .path("createBranch.branch.settings.seniorCapPercent").entity(Integer.class).isEqualTo(15)
                .path("createBranch.branch.settings.juniorTargetPercent").entity(Integer.class).isEqualTo(35)
                .path("createBranch.branch.settings.intermediateTargetPercent").entity(Integer.class).isEqualTo(50)
                .path("createBranch.branch.settings.ruralCapacity").entity(Integer.class).isEqualTo(140)
                .path("createBranch.branch.settings.defaults").entityList(String.class)
                .containsExactly("INTERMEDIATE_TARGET_PERCENT", "URBAN_CAPACITY", "RURAL_CAPACITY");
        String id = created.path("createBranch.branch.id").entity(String.class).get();

        as(Fixtures.MANAGER).document("query($p: ID) { branches(filter: {parentId: $p}) { totalCount nodes { id } } }")
                .variable("p", region).execute()
                .path("branches.totalCount").entity(Integer.class).isEqualTo(1)
                .path("branches.nodes[0].id").entity(String.class).isEqualTo(id);
        // A candidate sees the branch to apply to, not its settings or head counts.
        as(Fixtures.CANDIDATE).document("query($id: ID!) { branch(id: $id) { code name headCounts { count } } }")
                .variable("id", id).execute().path("branch.headCounts").entityList(Object.class).hasSize(0);
        answered(as(Fixtures.CANDIDATE).document("query($id: ID!) { branch(id: $id) { settings { seniorCapPercent } } }")
                .variable("id", id), "FORBIDDEN", null, null);
    }

    @Test
    void everyChangeIsKeptWithWhoAndWhyAndABranchCannotSitUnderItsOwnSubBranch() {
        String top = id(create(Fixtures.ADMIN, branch(fixtures.unique("T"), "总部" + fixtures.unique(""), "URBAN")));
        Map<String, Object> child = branch(fixtures.unique("C"), "下级" + fixtures.unique(""), "URBAN");
        child.put("parentId", top);
        String sub = id(create(Fixtures.ADMIN, child));

        Map<String, Object> cycle = new HashMap<>(Map.of("id", top, "parentId", sub, "reason", "x"));
        answered(as(Fixtures.HR).document(UPDATE).variable("in", cycle), "CONFLICT", "input.parentId", "BRANCH_CYCLE");
        answered(as(Fixtures.HR).document(UPDATE).variable("in", Map.of("id", top, "parentId", top, "reason", "x")),
                "CONFLICT", "input.parentId", "BRANCH_CYCLE");

        Map<String, Object> change = new HashMap<>();
        change.put("id", sub);
        change.put("name", "改名" + fixtures.unique(""));
        change.put("parentId", null);
        change.put("settings", Map.of("seniorCapPercent", 20, "juniorTargetPercent", 30));
        change.put("reason", "机构调整");
        as(Fixtures.HR).document(UPDATE).variable("in", change).execute()
                .path("updateBranch.branch.parentId").valueIsNull()
                .path("updateBranch.branch.settings.seniorCapPercent").entity(Integer.class).isEqualTo(20);
        // Omitted parts stay as they are.
        as(Fixtures.HR).document(UPDATE).variable("in", Map.of("id", sub, "region", "RURAL", "reason", "划入农村")).execute()
                .path("updateBranch.branch.parentId").valueIsNull()
                .path("updateBranch.branch.settings.seniorCapPercent").entity(Integer.class).isEqualTo(20)
                .path("updateBranch.branch.region").entity(String.class).isEqualTo("RURAL");

        String changes = "query($id: ID!) { branch(id: $id) { changes { field fromValue toValue reason changedBy } } }";
        GraphQlTester.Response audit = as(Fixtures.AUDITOR).document(changes).variable("id", sub).execute();
        audit.path("branch.changes[*].field").entityList(String.class)
                .containsExactly("CREATED", "NAME", "PARENT", "JUNIOR_TARGET_PERCENT", "SENIOR_CAP_PERCENT", "REGION");
        audit.path("branch.changes[2].fromValue").entity(String.class).isEqualTo(top)
                .path("branch.changes[2].toValue").valueIsNull()
                .path("branch.changes[2].reason").entity(String.class).isEqualTo("机构调整")
                .path("branch.changes[2].changedBy").entity(String.class).isEqualTo(Fixtures.HR);
        as(Fixtures.MANAGER).document(changes).variable("id", sub).execute()
                .path("branch.changes").entityList(Object.class).hasSize(0);
    }

    @Test
    void theBranchHeadSupervisesNewManagersAndANewHeadTakesOverThoseTheOldOneSupervised() {
        Map<String, Object> in = branch(fixtures.unique("H"), "营业部" + fixtures.unique(""), "RURAL");
        in.put("headId", Fixtures.SUPERVISOR);
        String branch = id(create(Fixtures.HR, in));
        // Region and supervisor default to the branch's.
        GraphQlTester.Response m = as(Fixtures.HR).document(CREATE_MANAGER)
                .variable("in", Map.of("employeeNo", fixtures.unique("E"), "name", "默认", "branchId", branch, "grade", "JUNIOR"))
                .execute();
        m.path("createManager.manager.region").entity(String.class).isEqualTo("RURAL")
                .path("createManager.manager.supervisorId").entity(String.class).isEqualTo(Fixtures.SUPERVISOR);
        String byHead = m.path("createManager.manager.id").entity(String.class).get();
        String other = fixtures.newUser("sup", com.hongda.cms.security.Role.SUPERVISOR);
        String byOther = as(Fixtures.HR).document(CREATE_MANAGER).variable("in", Map.of("employeeNo", fixtures.unique("E"),
                        "name", "另指", "branchId", branch, "grade", "SENIOR", "supervisorId", other)).execute()
                .path("createManager.manager.id").entity(String.class).get();

        answered(as(Fixtures.HR).document(HEAD).variable("b", branch).variable("h", Fixtures.MANAGER).variable("why", "x"),
                "BAD_REQUEST", "input.headId", "PERSON_ROLE");
        as(Fixtures.HR).document(HEAD).variable("b", branch).variable("h", Fixtures.SUPERVISOR2).variable("why", "新任负责人").execute()
                .path("setBranchHead.changed").entity(Boolean.class).isEqualTo(true);
        as(Fixtures.HR).document(HEAD).variable("b", branch).variable("h", Fixtures.SUPERVISOR2).variable("why", "again").execute()
                .path("setBranchHead.changed").entity(Boolean.class).isEqualTo(false);

        String q = "query($id: ID!) { manager(id: $id) { supervisorId supervisorHistory { toSupervisor reason decidedBy } } }";
        as(Fixtures.HR).document(q).variable("id", byHead).execute()
                .path("manager.supervisorId").entity(String.class).isEqualTo(Fixtures.SUPERVISOR2)
                .path("manager.supervisorHistory[1].reason").entity(String.class).isEqualTo("BRANCH_HEAD")
                .path("manager.supervisorHistory[1].decidedBy").entity(String.class).isEqualTo(Fixtures.HR);
        as(Fixtures.HR).document(q).variable("id", byOther).execute()
                .path("manager.supervisorId").entity(String.class).isEqualTo(other);
        // Without a head, managers keep their supervisor until someone else is named.
        as(Fixtures.HR).document(HEAD).variable("b", branch).variable("h", null).variable("why", "空缺").execute()
                .path("setBranchHead.branch.headId").valueIsNull();
        as(Fixtures.HR).document(q).variable("id", byHead).execute()
                .path("manager.supervisorId").entity(String.class).isEqualTo(Fixtures.SUPERVISOR2);
    }

    @Test
    void headCountsFollowGradeAndStatusAndTransfersKeepHistory() {
        String a = fixtures.unique("HC");
        String b = fixtures.unique("HC");
        var senior = fixtures.manager(a, com.hongda.cms.common.Region.URBAN, com.hongda.cms.manager.Grade.SENIOR);
        fixtures.manager(a, com.hongda.cms.common.Region.URBAN, com.hongda.cms.manager.Grade.JUNIOR);
        fixtures.manager(a, com.hongda.cms.common.Region.URBAN, com.hongda.cms.manager.Grade.JUNIOR);
        fixtures.manager(a, com.hongda.cms.common.Region.URBAN, com.hongda.cms.manager.Grade.TRAINEE);
        String counts = "query($id: ID!) { branch(id: $id) { headCounts { grade status count } } }";
        assertThat(as(Fixtures.COMMITTEE).document(counts).variable("id", fixtures.branchId(a)).execute()
                .path("branch.headCounts").entityList(Map.class).get())
                .extracting(c -> c.get("grade") + "/" + c.get("status") + "=" + c.get("count"))
                .containsExactlyInAnyOrder("SENIOR/ACTIVE=1", "JUNIOR/ACTIVE=2", "TRAINEE/PROBATION=1");

        String move = """
                mutation($m: ID!, $b: ID!) { transferManager(input: {managerId: $m, branchId: $b, reason: "调往新网点"}) {
                  changed manager { branchId branchHistory { fromBranchId toBranchId reason decidedBy } } } }""";
        GraphQlTester.Response moved = as(Fixtures.HR).document(move).variable("m", senior.getId().toString())
                .variable("b", fixtures.branchId(b)).execute();
        moved.path("transferManager.changed").entity(Boolean.class).isEqualTo(true)
                .path("transferManager.manager.branchId").entity(String.class).isEqualTo(fixtures.branchId(b))
                .path("transferManager.manager.branchHistory[1].fromBranchId").entity(String.class).isEqualTo(fixtures.branchId(a))
                .path("transferManager.manager.branchHistory[1].decidedBy").entity(String.class).isEqualTo(Fixtures.HR);
        assertThat(as(Fixtures.ADMIN).document(counts).variable("id", fixtures.branchId(a)).execute()
                .path("branch.headCounts").entityList(Map.class).get())
                .extracting(c -> c.get("grade") + "=" + c.get("count")).containsExactlyInAnyOrder("JUNIOR=2", "TRAINEE=1");
        answered(as(Fixtures.HR).document(move).variable("m", senior.getId().toString()).variable("b", "999999999"),
                "NOT_FOUND", "input.branchId", null);
        answered(as(Fixtures.MANAGER).document(move).variable("m", senior.getId().toString()).variable("b", fixtures.branchId(a)),
                "FORBIDDEN", null, null);
    }

    @Test
    void aBranchHeadSupervisesTheManagersOfTheBranchAndOfTheBranchesBelowIt() {
        String head = fixtures.newUser("head", com.hongda.cms.security.Role.SUPERVISOR);
        Map<String, Object> top = branch(fixtures.unique("U"), "上级" + fixtures.unique(""), "URBAN");
        top.put("headId", head);
        String upper = id(create(Fixtures.HR, top));
        Map<String, Object> below = branch(fixtures.unique("L"), "下级" + fixtures.unique(""), "URBAN");
        below.put("parentId", upper);
        String lowerName = (String) below.get("name");
        create(Fixtures.HR, below);
        // Named supervisor SUPERVISOR2; the head of the branch above supervises too.
        var m = fixtures.manager(lowerName, com.hongda.cms.common.Region.URBAN, com.hongda.cms.manager.Grade.JUNIOR, null,
                Fixtures.SUPERVISOR2);
        var c = fixtures.customer(fixtures.unique("c"), Fixtures.Tier.C, com.hongda.cms.common.Region.URBAN);
        fixtures.assign(c, m);
        String contacts = "query($id: ID!) { customer(id: $id) { contacts { phone } } }";
        String clear = as(head).document(contacts).variable("id", c.getId().toString()).execute()
                .path("customer.contacts[0].phone").entity(String.class).get();
        String masked = as(Fixtures.SUPERVISOR).document(contacts).variable("id", c.getId().toString()).execute()
                .path("customer.contacts[0].phone").entity(String.class).get();
        assertThat(clear).doesNotContain("*");
        assertThat(masked).isNotEqualTo(clear);

        as(Fixtures.HR).document("mutation($m: ID!) { recordLeave(input: {managerId: $m, kind: SICK, startsOn: \"2026-03-02\","
                + " endsOn: \"2026-03-06\"}) { leave { kind } } }").variable("m", m.getId().toString()).execute().errors().verify();
        String leaves = "query($id: ID!) { manager(id: $id) { leaves { kind } } }";
        as(head).document(leaves).variable("id", m.getId().toString()).execute()
                .path("manager.leaves").entityList(Object.class).hasSize(1);
        as(Fixtures.SUPERVISOR).document(leaves).variable("id", m.getId().toString()).execute()
                .path("manager.leaves").entityList(Object.class).hasSize(0);

        // A supervisor hands customers only to managers they supervise.
        String assign = "mutation($c: ID!, $m: ID!) { assignCustomer(input: {customerId: $c, managerId: $m}) { assignment { id } } }";
        var free = fixtures.customer(fixtures.unique("c"), Fixtures.Tier.C, com.hongda.cms.common.Region.URBAN);
        answered(as(Fixtures.SUPERVISOR).document(assign).variable("c", free.getId().toString()).variable("m", m.getId().toString()),
                "FORBIDDEN", "input.managerId", "NOT_SUPERVISED");
        answered(as(head).document(assign).variable("c", free.getId().toString()).variable("m", m.getId().toString()),
                null, null, null);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndTheRuleAndNothingIsWritten() {
        long before = branches();
        String taken = fixtures.unique("D");
        create(Fixtures.HR, branch(taken, "名" + taken, "URBAN"));
        before++;
        answered(request(Fixtures.HR, branch(taken, "别名" + taken, "URBAN")), "CONFLICT", "input.code", "BRANCH_CODE_TAKEN");
        answered(request(Fixtures.HR, branch(fixtures.unique("D"), "名" + taken, "URBAN")), "CONFLICT", "input.name", "BRANCH_NAME_TAKEN");
        answered(request(Fixtures.HR, branch("bad code!", "x" + taken, "URBAN")), "BAD_REQUEST", "input.code", "FORMAT");
        answered(request(Fixtures.HR, branch(fixtures.unique("D"), "x".repeat(70_000), "URBAN")), "BAD_REQUEST", "input.name", null);
        Map<String, Object> parent = branch(fixtures.unique("D"), "p" + taken, "URBAN");
        parent.put("parentId", "999999999");
        answered(request(Fixtures.HR, parent), "NOT_FOUND", "input.parentId", null);
        parent.put("parentId", "abc");
        answered(request(Fixtures.HR, parent), "BAD_REQUEST", "input.parentId", "ID_FORMAT");
        for (Map<String, Object> settings : List.<Map<String, Object>>of(Map.of("seniorCapPercent", 40), Map.of("juniorTargetPercent", 101),
                Map.of("urbanCapacity", 0), Map.of("ruralCapacity", Integer.MAX_VALUE), Map.of("seniorCapPercent", -2147483648))) {
            Map<String, Object> in = branch(fixtures.unique("D"), "s" + fixtures.unique(""), "URBAN");
            in.put("settings", settings);
            answered(request(Fixtures.HR, in), "BAD_REQUEST", null, null);
        }
        Map<String, Object> head = branch(fixtures.unique("D"), "h" + taken, "URBAN");
        head.put("headId", "nobody-" + taken);
        answered(request(Fixtures.HR, head), "BAD_REQUEST", "input.headId", "PERSON_NOT_FOUND");
        answered(request(Fixtures.SUPERVISOR, branch(fixtures.unique("D"), "f" + taken, "URBAN")), "FORBIDDEN", null, null);
        answered(as(Fixtures.HR).document(UPDATE).variable("in", Map.of("id", "999999999", "reason", "x")), "NOT_FOUND", "input.id", null);
        answered(as(Fixtures.HR).document(UPDATE).variable("in", Map.of("id", "1", "reason", "")), "BAD_REQUEST", "input.reason", null);
        answered(as(Fixtures.HR).document("{ branch(id: \"99999999999999999999\") { id } }"), "BAD_REQUEST", "id", null);
        assertThat(branches()).isEqualTo(before);
    }

    @Test
    void twoCreatingTheSameCodeAtOnceGetOneBranchAndOneConflict() {
        String code = fixtures.unique("P");
        List<List<org.springframework.graphql.ResponseError>> answers = Simultaneously.run(4, i -> {
            List<org.springframework.graphql.ResponseError> errors = new java.util.ArrayList<>();
            request(Fixtures.HR, branch(code, "同时" + code + "-" + i, "URBAN")).execute().errors().satisfy(errors::addAll);
            return errors;
        });
        assertThat(answers).filteredOn(List::isEmpty).hasSize(1);
        assertThat(answers).filteredOn(e -> !e.isEmpty()).allSatisfy(e -> assertThat(e).singleElement()
                .satisfies(err -> assertThat(err.getExtensions()).containsEntry("rule", "BRANCH_CODE_TAKEN")));
        assertThat(fixtures.jdbc().queryForObject("select count(*) from branch where code = ?", Long.class, code)).isEqualTo(1);
    }

    private long branches() {
        return fixtures.jdbc().queryForObject("select count(*) from branch", Long.class);
    }

    private static Map<String, Object> branch(String code, String name, String region) {
        Map<String, Object> in = new HashMap<>();
        in.put("code", code);
        in.put("name", name);
        in.put("region", region);
        return in;
    }

    private GraphQlTester.Request<?> request(String user, Map<String, Object> in) {
        return as(user).document(CREATE).variable("in", in);
    }

    private GraphQlTester.Response create(String user, Map<String, Object> in) {
        GraphQlTester.Response r = request(user, in).execute();
        r.errors().verify();
        return r;
    }

    private static String id(GraphQlTester.Response created) {
        return created.path("createBranch.branch.id").entity(String.class).get();
    }
}
