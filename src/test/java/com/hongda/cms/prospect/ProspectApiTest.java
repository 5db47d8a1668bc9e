package com.hongda.cms.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.Simultaneously;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The prospects API over HTTP: who registers for whom, who sees which prospects and whose contacts are in clear,
 * follow-ups, hostile inputs (classified refusals naming the field, never an internal error, nothing written) and
 * two results at the same moment.
 */
class ProspectApiTest extends IntegrationTest {

    private static final String REGISTER = """
            mutation($input: RegisterProspectInput!) { registerProspect(input: $input) {
              prospect { id name state followUpClass deadline overdue extended manager { id } contacts { phone email } } } }""";
    private static final String ONE = """
            query($id: ID!) { prospect(id: $id) { id state contacts { name phone email } followUps { contactedOn notes recordedBy }
              customer { id tier } result reason steps { key } } }""";
    private static final String FOLLOW_UP = """
            mutation($input: RecordProspectFollowUpInput!) { recordProspectFollowUp(input: $input) { followUp { id notes } prospect { id } } }""";
    private static final String CLOSE = """
            mutation($input: CloseProspectInput!) { closeProspect(input: $input) { prospect { id state result customer { id } } } }""";
    private static final String LIST = """
            query($filter: ProspectFilter) { prospects(filter: $filter, first: 100) { nodes { id } } }""";
    private static final String HUGE = "长".repeat(70_000);

    private record Setup(CustomerManager own, String ownLogin, CustomerManager other, String otherLogin) {
    }

    /** A SENIOR manager supervised by SUPERVISOR, and another supervised by SUPERVISOR2. */
    private Setup setup() {
        String own = fixtures.newUser("pa", Role.MANAGER);
        String other = fixtures.newUser("pb", Role.MANAGER);
        return new Setup(fixtures.manager(fixtures.unique("潜客API"), Region.URBAN, Grade.SENIOR, own, Fixtures.SUPERVISOR), own,
                fixtures.manager(fixtures.unique("潜客API"), Region.URBAN, Grade.SENIOR, other, Fixtures.SUPERVISOR2), other);
    }

    private Map<String, Object> input(String name, String managerId) {
        Map<String, Object> in = new HashMap<>();
        in.put("name", name);
        in.put("type", "ENTERPRISE");
        in.put("industry", "RETAIL");
        in.put("region", "URBAN");
        in.put("employees", 50);
        in.put("monthlyRevenue", 30000);
        in.put("followUpClass", "B");
        in.put("contacts", List.of(Map.of("name", "李先生", "phone", "13912345678", "email", "li@example.com")));
        if (managerId != null) {
            in.put("managerId", managerId);
        }
        return in;
    }

    private String register(String user, Map<String, Object> input) {
        return as(user).document(REGISTER).variable("input", input).execute().path("registerProspect.prospect.id").entity(String.class).get();
    }

    private long named(String name) {
        return fixtures.jdbc().queryForObject("select count(*) from prospect where name = ?", Long.class, name);
    }

    @Test
    void managersRegisterForThemselvesSupervisorsForTheirManagersAdminForAny() {
        Setup s = setup();
        String own = s.own().getId().toString();
        // A manager for themselves, managerId omitted or their own; the class's days give the deadline.
        String id = register(s.ownLogin(), input(fixtures.unique("自登"), null));
        as(s.ownLogin()).document(ONE).variable("id", id).execute().path("prospect.state").entity(String.class).isEqualTo("FOLLOWING");
        register(s.ownLogin(), input(fixtures.unique("自登"), own));
        // Not for another manager.
        String name = fixtures.unique("代登");
        answered(as(s.ownLogin()).document(REGISTER).variable("input", input(name, s.other().getId().toString())), "FORBIDDEN", null, null);
        // A supervisor for a manager they supervise, not for another's.
        register(Fixtures.SUPERVISOR, input(fixtures.unique("主管登"), own));
        answered(as(Fixtures.SUPERVISOR).document(REGISTER).variable("input", input(name, s.other().getId().toString())), "FORBIDDEN", null, null);
        // A supervisor without a manager named: they are no manager.
        answered(as(Fixtures.SUPERVISOR).document(REGISTER).variable("input", input(name, null)), "BAD_REQUEST", "input.managerId", "REQUIRED");
        // ADMIN for any; HR, the service desk, the auditor not at all.
        register(Fixtures.ADMIN, input(fixtures.unique("管理员登"), s.other().getId().toString()));
        for (String user : List.of(Fixtures.HR, Fixtures.SERVICE, Fixtures.AUDITOR, Fixtures.CANDIDATE)) {
            answered(as(user).document(REGISTER).variable("input", input(name, own)), "FORBIDDEN", null, null);
        }
        // Unknown manager; a manager on probation.
        answered(as(Fixtures.ADMIN).document(REGISTER).variable("input", input(name, "987654321")), "NOT_FOUND", "input.managerId", null);
        CustomerManager trainee = fixtures.manager(fixtures.unique("见习"), Region.URBAN, Grade.TRAINEE);
        answered(as(Fixtures.ADMIN).document(REGISTER).variable("input", input(name, trainee.getId().toString())), "BAD_REQUEST",
                "input.managerId", "MANAGER_MUST_BE_ACTIVE");
        assertThat(named(name)).isZero();
    }

    @Test
    void eachSeesWhatTheRulesSayWithContactsInClearOnlyForTheEntitled() {
        Setup s = setup();
        String id = register(s.ownLogin(), input(fixtures.unique("可见"), null));
        for (String user : List.of(s.ownLogin(), Fixtures.SUPERVISOR, Fixtures.SERVICE, Fixtures.AUDITOR, Fixtures.ADMIN)) {
            as(user).document(ONE).variable("id", id).execute().path("prospect.contacts[0].phone").entity(String.class).isEqualTo("13912345678");
            assertThat(ids(user, Map.of("managerId", s.own().getId().toString()))).as(user).contains(id);
        }
        // HR sees it, masked as customers' contacts are.
        as(Fixtures.HR).document(ONE).variable("id", id).execute()
                .path("prospect.contacts[0].phone").entity(String.class).isEqualTo("139****5678")
                .path("prospect.contacts[0].email").entity(String.class).isEqualTo("l***@example.com");
        // Another manager, another supervisor, a candidate: NOT_FOUND, and not listed.
        for (String user : List.of(s.otherLogin(), Fixtures.SUPERVISOR2, Fixtures.CANDIDATE, Fixtures.COMMITTEE)) {
            answered(as(user).document(ONE).variable("id", id), "NOT_FOUND", "id", null);
            assertThat(ids(user, Map.of())).as(user).doesNotContain(id);
        }
        // Filters: state, overdue.
        assertThat(ids(Fixtures.ADMIN, Map.of("managerId", s.own().getId().toString(), "state", "FOLLOWING", "overdue", false))).contains(id);
        assertThat(ids(Fixtures.ADMIN, Map.of("managerId", s.own().getId().toString(), "overdue", true))).doesNotContain(id);
        assertThat(ids(Fixtures.ADMIN, Map.of("managerId", s.own().getId().toString(), "state", "WON"))).doesNotContain(id);
    }

    @Test
    void theManagerRecordsFollowUpsAndTheResultOthersMayNot() {
        Setup s = setup();
        String name = fixtures.unique("跟进 🧭");
        String id = register(s.ownLogin(), input(name, null));
        as(s.ownLogin()).document(FOLLOW_UP).variable("input", Map.of("prospectId", id, "contactedOn", "2024-05-06", "notes", "电话沟通 📞"))
                .execute().path("recordProspectFollowUp.followUp.notes").entity(String.class).isEqualTo("电话沟通 📞");
        as(Fixtures.SUPERVISOR).document(ONE).variable("id", id).execute()
                .path("prospect.followUps[0].recordedBy").entity(String.class).isEqualTo(s.ownLogin());
        // Four-byte characters come back from the database as written.
        as(Fixtures.SUPERVISOR).document("query($id: ID!) { prospect(id: $id) { name followUps { notes } } }").variable("id", id).execute()
                .path("prospect.name").entity(String.class).isEqualTo(name)
                .path("prospect.followUps[0].notes").entity(String.class).isEqualTo("电话沟通 📞");
        // Not in the future; not by another manager; the supervisor reads but does not record.
        answered(as(s.ownLogin()).document(FOLLOW_UP).variable("input", Map.of("prospectId", id, "contactedOn", "2999-01-01", "notes", "x")),
                "BAD_REQUEST", "input.contactedOn", "NOT_IN_FUTURE");
        answered(as(s.otherLogin()).document(FOLLOW_UP).variable("input", Map.of("prospectId", id, "contactedOn", "2024-05-06", "notes", "x")),
                "NOT_FOUND", "input.prospectId", null);
        answered(as(Fixtures.SUPERVISOR).document(CLOSE).variable("input", Map.of("prospectId", id, "result", "LOST", "reason", "x")),
                "FORBIDDEN", null, null);
        // Lost with a reason.
        as(s.ownLogin()).document(CLOSE).variable("input", Map.of("prospectId", id, "result", "LOST", "reason", "已选其他供应商")).execute()
                .path("closeProspect.prospect.state").entity(String.class).isEqualTo("LOST");
        as(s.ownLogin()).document(ONE).variable("id", id).execute().path("prospect.reason").entity(String.class).isEqualTo("已选其他供应商")
                .path("prospect.steps").entityList(Object.class).hasSize(0);
        answered(as(s.ownLogin()).document(FOLLOW_UP).variable("input", Map.of("prospectId", id, "contactedOn", "2024-05-06", "notes", "x")),
                "CONFLICT", "input.prospectId", "PROSPECT_CLOSED");
    }

    @Test
    void hostileInputsAreRefusedNamingTheFieldAndWriteNothing() {
        Setup s = setup();
        String prefix = fixtures.unique("恶意");
        // A 70,000-character name; negative revenue and employees; a wrong enum; a bad id.
        answered(as(s.ownLogin()).document(REGISTER).variable("input", input(prefix + HUGE, null)), "BAD_REQUEST", "input.name", null);
        Map<String, Object> negative = input(prefix, null);
        negative.put("monthlyRevenue", -1);
        answered(as(s.ownLogin()).document(REGISTER).variable("input", negative), "BAD_REQUEST", "input.monthlyRevenue", null);
        Map<String, Object> employees = input(prefix, null);
        employees.put("employees", -5);
        answered(as(s.ownLogin()).document(REGISTER).variable("input", employees), "BAD_REQUEST", "input.employees", null);
        Map<String, Object> wrongClass = input(prefix, null);
        wrongClass.put("followUpClass", "Z");
        answered(as(s.ownLogin()).document(REGISTER).variable("input", wrongClass), "BAD_REQUEST", "input", "TYPE");
        answered(as(s.ownLogin()).document("mutation { registerProspect(input: {name: \"x\", type: ENTERPRISE, industry: RETAIL, region: URBAN, "
                + "employees: 1, monthlyRevenue: 1, followUpClass: Z}) { prospect { id } } }"), "BAD_REQUEST", null, "TYPE");
        answered(as(s.ownLogin()).document(REGISTER).variable("input", input(prefix, "abc")), "BAD_REQUEST", "input.managerId", "ID_FORMAT");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from prospect where name like ?", Long.class, prefix + "%")).isZero();

        String id = register(s.ownLogin(), input(prefix, null));
        answered(as(s.ownLogin()).document(FOLLOW_UP).variable("input", Map.of("prospectId", id, "contactedOn", "2024-05-06", "notes", HUGE)),
                "BAD_REQUEST", "input.notes", null);
        answered(as(s.ownLogin()).document(FOLLOW_UP).variable("input", Map.of("prospectId", id, "contactedOn", "2024-05-06", "notes", "  ")),
                "BAD_REQUEST", "input.notes", null);
        answered(as(s.ownLogin()).document(FOLLOW_UP).variable("input", Map.of("prospectId", "987654321", "contactedOn", "2024-05-06", "notes", "x")),
                "NOT_FOUND", "input.prospectId", null);
        answered(as(s.ownLogin()).document(CLOSE).variable("input", Map.of("prospectId", id, "result", "MAYBE")), "BAD_REQUEST", "input", "TYPE");
        answered(as(s.ownLogin()).document(CLOSE).variable("input", Map.of("prospectId", id, "result", "LOST", "reason", HUGE)),
                "BAD_REQUEST", "input.reason", null);
        answered(as(s.ownLogin()).document(CLOSE).variable("input", Map.of("prospectId", "987654321", "result", "WON")),
                "NOT_FOUND", "input.prospectId", null);
        answered(as(Fixtures.ADMIN).document(ONE).variable("id", "987654321"), "NOT_FOUND", "id", null);
        answered(as(Fixtures.ADMIN).document(LIST).variable("filter", Map.of("state", "OPEN")), "BAD_REQUEST", "filter", "TYPE");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from prospect_follow_up f join prospect p on p.id = f.prospect_id where p.name = ?",
                Long.class, prefix)).isZero();
        as(s.ownLogin()).document(ONE).variable("id", id).execute().path("prospect.state").entity(String.class).isEqualTo("FOLLOWING");
    }

    @Test
    void twoResultsAtTheSameMomentOneWinsTheOtherConflictsAndOneCustomerIsCreated() {
        Setup s = setup();
        String name = fixtures.unique("同时成交");
        String id = register(s.ownLogin(), input(name, null));
        List<List<ResponseError>> answers = Simultaneously.run(2, i -> {
            List<ResponseError> errors = new ArrayList<>();
            as(i == 0 ? s.ownLogin() : Fixtures.ADMIN).document(CLOSE).variable("input", Map.of("prospectId", id, "result", "WON"))
                    .execute().errors().satisfy(errors::addAll);
            return errors;
        });
        assertThat(answers.stream().filter(List::isEmpty).count()).isOne();
        List<ResponseError> refused = answers.stream().filter(e -> !e.isEmpty()).findFirst().orElseThrow();
        assertThat(refused).allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT"));
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer where name = ?", Long.class, name)).isOne();
        as(s.ownLogin()).document(ONE).variable("id", id).execute().path("prospect.customer.tier").entity(String.class).isEqualTo("B2")
                .path("prospect.result").entity(String.class).isEqualTo("WON");
    }

    private List<String> ids(String user, Map<String, Object> filter) {
        GraphQlTester.Response r = as(user).document(LIST).variable("filter", filter).execute();
        return r.path("prospects.nodes[*].id").entityList(String.class).get();
    }
}
