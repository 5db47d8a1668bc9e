package com.hongda.cms.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.demo.DemoDataSeeder;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.IdentityBootstrap;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A complaint from registration to a satisfied close, over GraphQL, as the demo service desk, supervisor
 * and auditor and a customer manager of its own: the desk registers a complaint about an A1 customer; the
 * manager answers late, so level 1 fires and the supervisor is notified; the manager resolves (found
 * substantiated); the call-back finds the complainant dissatisfied, the complaint is reopened, resolved
 * again and the second call-back is satisfied; the supervisor decides coaching. The auditor reads the
 * escalation, the path and who acted; the figures count it; assessment counts it against the manager.
 * Only the engine's jobs and clock are driven directly.
 */
class ComplaintStoryTest extends IntegrationTest {

    /** Monday 2033-05-02, 09:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2033-05-02T01:00:00Z");

    @Autowired
    IdentityService identity;

    @Autowired
    IdentityBootstrap identities;

    @Autowired
    ProcessDriver process;

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void aComplaintIsAnsweredLateEscalatedReopenedAndClosedSatisfied() {
        DemoDataSeeder.ensureUsers(identity, identities);
        ProcessDriver.at(T0);
        String branch = fixtures.unique("投诉故事");
        String login = fixtures.newUser("csm", Role.MANAGER);
        CustomerManager manager = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, login, "supervisor");
        Customer customer = fixtures.customer(fixtures.unique("重点客户"), Fixtures.Tier.A1, Region.URBAN);
        fixtures.assign(customer, manager);

        String id = demo("service").document("""
                mutation($c: ID!) { registerComplaint(input: {customerId: $c, channel: HOTLINE, category: SERVICE_QUALITY, severity: MEDIUM,
                  description: "宽带安装拖延两周 😠", complainantName: "张女士 🌸", complainantContact: "zhang@example.com"}) {
                  complaint { id handlerUserId sla { firstResponseDue } } } }""").variable("c", String.valueOf(customer.getId()))
                .execute().errors().verify().path("registerComplaint.complaint.id").entity(String.class).get();
        String pi = fixtures.jdbc().queryForObject("select process_instance_id from complaint where id = ?", String.class, Long.parseLong(id));
        InboxClient mine = new InboxClient(this::as);
        InboxClient staff = new InboxClient(this::demo);

        // 25 hours later the first response is late: level 1, the supervisor notified, the task raised.
        ProcessDriver.at(T0.plusSeconds(25 * 3600));
        process.runJobs(pi);
        GraphQlTester.Response escalated = demo("supervisor").document("""
                query($id: ID!) { complaint(id: $id) { sla { breached level } escalations { level kind notified } } }""")
                .variable("id", id).execute();
        escalated.path("complaint.sla.level").entity(Integer.class).isEqualTo(1);
        escalated.path("complaint.escalations[0].notified").entityList(String.class).containsExactly("user:supervisor");
        assertThat(staff.claimable("supervisor", "COMPLAINT-" + id, "respond")).isNotNull();

        mine.work(login, "COMPLAINT-" + id, "respond", Map.of("firstResponse", "已致电客户，明日上门 📞"));
        mine.work(login, "COMPLAINT-" + id, "resolve", Map.of("finding", "SUBSTANTIATED", "rootCause", "SERVICE",
                "resolution", "已完成安装并减免一个月费用 ✅", "apology", true, "compensation", 200));
        process.runJobs(pi);
        staff.work("service", "COMPLAINT-" + id, "callback", Map.of("reached", "REACHED", "satisfaction", 2, "callbackComment", "还是不满意"));
        process.runJobs(pi);
        mine.work(login, "COMPLAINT-" + id, "respond", Map.of("firstResponse", "再次上门检查线路"));
        mine.work(login, "COMPLAINT-" + id, "resolve", Map.of("finding", "SUBSTANTIATED", "rootCause", "SERVICE",
                "resolution", "更换设备，速度恢复", "apology", true));
        process.runJobs(pi);
        staff.work("service", "COMPLAINT-" + id, "callback", Map.of("reached", "REACHED", "satisfaction", 5, "callbackComment", "满意 👍"));
        process.runJobs(pi);
        staff.work("supervisor", "COMPLAINT-" + id, "decideConsequence", Map.of("consequence", "COACHING", "consequenceNote", "安排服务规范辅导 📘"));

        GraphQlTester.Response closed = demo("auditor").document("""
                query($id: ID!) { complaint(id: $id) { state closeReason reopenCount satisfaction consequence complainantContact
                  callbackComment processInstanceId description complainantName firstResponse resolution consequenceNote } }""")
                .variable("id", id).execute();
        closed.path("complaint.state").entity(String.class).isEqualTo("CLOSED");
        closed.path("complaint.closeReason").entity(String.class).isEqualTo("SATISFIED");
        closed.path("complaint.reopenCount").entity(Integer.class).isEqualTo(1);
        closed.path("complaint.consequence").entity(String.class).isEqualTo("COACHING");
        closed.path("complaint.callbackComment").entity(String.class).isEqualTo("满意 👍");
        // Every free text comes back from the database with its four-byte characters.
        closed.path("complaint.description").entity(String.class).isEqualTo("宽带安装拖延两周 😠");
        closed.path("complaint.complainantName").entity(String.class).isEqualTo("张女士 🌸");
        closed.path("complaint.firstResponse").entity(String.class).isEqualTo("再次上门检查线路");
        closed.path("complaint.consequenceNote").entity(String.class).isEqualTo("安排服务规范辅导 📘");
        // The auditor reads the path the complaint took and who acted at each step.
        List<String> steps = demo("auditor").document("""
                query($pi: ID!) { processInstanceAudit(id: $pi) { timeline { activityId actedBy } } }""").variable("pi", pi).execute()
                .path("processInstanceAudit.timeline[*].activityId").entityList(String.class).get();
        assertThat(steps).contains("escalateResponse", "respond", "resolve", "callback", "reopen", "close", "decideConsequence");
        assertThat(steps.stream().filter("respond"::equals).count()).isEqualTo(2);
        // The manager sees the complaint about their customer, the contact in clear (they handled it).
        as(login).document("query($id: ID!) { complaint(id: $id) { complainantContact } }").variable("id", id).execute()
                .path("complaint.complainantContact").entity(String.class).isEqualTo("zhang@example.com");
        // The figures count it: answered late, reopened once, satisfied.
        demo("supervisor").document("""
                query($b: ID!) { complaintFigures(filter: {from: "2033-05-01", to: "2033-05-31", branchId: $b}, groupBy: BRANCH) {
                  count respondedWithinSlaShare reopenRate meanSatisfaction } }""").variable("b", fixtures.branchId(branch)).execute()
                .path("complaintFigures[0]").entity(Map.class).isEqualTo(Map.of("count", 1, "respondedWithinSlaShare", 0.0, "reopenRate", 1.0,
                        "meanSatisfaction", 5.0));
        // Assessment counts the substantiated complaint against the manager.
        assertThat(fixtures.jdbc().queryForList("select manager_id from assessment_complaint where reference = ?", Long.class, "COMPLAINT-" + id))
                .containsExactly(manager.getId());
    }

    private HttpGraphQlTester demo(String user) {
        return withPassword(user, DemoDataSeeder.PASSWORD);
    }
}
