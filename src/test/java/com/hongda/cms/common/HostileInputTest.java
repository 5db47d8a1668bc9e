package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.customer.Customer;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Every argument of the API, tried with hostile values: each is answered quickly with a classified
 * error (never INTERNAL_ERROR, never HTTP 500 - the tester itself insists on HTTP 200) that names the
 * offending field, and nothing is written.
 */
class HostileInputTest extends IntegrationTest {

    /** Generous for a loaded build machine; a refusal that takes longer is a sign of real work done on junk. */
    private static final Duration QUICK = Duration.ofSeconds(10);
    private static final String HUGE = "x".repeat(70_000);

    private static final String CREATE_CUSTOMER = """
            mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name version } } }
            """;
    private static final String UPDATE_CUSTOMER = """
            mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id name version } } }
            """;
    private static final String ASSIGN_CUSTOMER = """
            mutation($input: AssignCustomerInput!) { assignCustomer(input: $input) { customer { id } } }
            """;
    private static final String REASSIGN_CUSTOMER = """
            mutation($input: AssignCustomerInput!) { reassignCustomer(input: $input) { customer { id } } }
            """;
    private static final String CREATE_MANAGER = """
            mutation($input: CreateManagerInput!) { createManager(input: $input) { manager { id employeeNo } } }
            """;
    private static final String CUSTOMER = "query($id: ID!) { customer(id: $id) { id name version manager { id } } }";
    private static final String MANAGER = "query($id: ID!) { manager(id: $id) { id } }";
    private static final String CUSTOMERS = """
            query($filter: CustomerFilter) { customers(filter: $filter, first: 100) { nodes { name } } }
            """;
    private static final String MANAGERS = """
            query($filter: ManagerFilter) { managers(filter: $filter, first: 100) { nodes { employeeNo } } }
            """;

    // ---------------------------------------------------------------- createCustomer: name

    @Test
    void refusesCustomerNameOf70000CharactersAndWritesNothing() {
        String prefix = prefix("Hn");
        long before = customersNamed(prefix);
        long total = allCustomers();

        refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", customerInput(prefix + HUGE)),
                "BAD_REQUEST", "input.name");

        assertThat(customersNamed(prefix)).isEqualTo(before).isZero();
        assertThat(allCustomers()).isEqualTo(total);
    }

    @Test
    void acceptsNameOfExactly200CharactersButRefuses201() {
        String prefix = prefix("Hn");
        String name200 = prefix + "y".repeat(200 - prefix.length());

        refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", customerInput(name200 + "y")),
                "BAD_REQUEST", "input.name");
        assertThat(customersNamed(prefix)).isZero();

        as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", customerInput(name200)).execute()
                .path("createCustomer.customer.name").entity(String.class).isEqualTo(name200);
        assertThat(customersNamed(prefix)).isEqualTo(1);
    }

    @Test
    void refusesBlankCustomerName() {
        long total = allCustomers();
        for (String blank : new String[] {"", "   ", "\t\n"}) {
            refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", customerInput(blank)),
                    "BAD_REQUEST", "input.name");
        }
        assertThat(allCustomers()).isEqualTo(total);
    }

    // ---------------------------------------------------------------- createCustomer: employees

    @Test
    void refusesEmployeesBelowZeroOrAboveTenMillion() {
        String prefix = prefix("He");
        for (int employees : new int[] {-1, 10_000_001, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            Map<String, Object> input = customerInput(prefix + employees);
            input.put("employees", employees);
            refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input), "BAD_REQUEST", "input.employees");
        }
        assertThat(customersNamed(prefix)).isZero();
    }

    @Test
    void acceptsEmployeesAtBothBounds() {
        String prefix = prefix("He");
        for (int employees : new int[] {0, 10_000_000}) {
            Map<String, Object> input = customerInput(prefix + "-" + employees);
            input.put("employees", employees);
            as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input).execute()
                    .path("createCustomer.customer.id").hasValue();
        }
        assertThat(customersNamed(prefix)).isEqualTo(2);
    }

    @Test
    void refusesEmployeesBeyondGraphQlIntAsValidationErrorAndWritesNothing() {
        String prefix = prefix("He");
        long total = allCustomers();

        Map<String, Object> input = customerInput(prefix + "-variable");
        input.put("employees", 3_000_000_000L);
        validationError(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input));

        validationError(as(Fixtures.ADMIN).document("""
                mutation { createCustomer(input: {name: "%s-literal", type: ENTERPRISE, industry: OTHER, region: URBAN,
                    employees: 3000000000, monthlyRevenue: 1000}) { customer { id } } }
                """.formatted(prefix)));

        assertThat(customersNamed(prefix)).isZero();
        assertThat(allCustomers()).isEqualTo(total);
    }

    // ---------------------------------------------------------------- createCustomer: monthlyRevenue

    @Test
    void refusesMonthlyRevenueOutOfRangeOrWithMoreThanTwoDecimals() {
        String prefix = prefix("Hr");
        for (Object revenue : new Object[] {1e20, -1, -0.01, new BigDecimal("1.005"), new BigDecimal("1000000000000.01")}) {
            Map<String, Object> input = customerInput(prefix + "-" + revenue);
            input.put("monthlyRevenue", revenue);
            refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input), "BAD_REQUEST", "input.monthlyRevenue");
        }
        assertThat(customersNamed(prefix)).isZero();
    }

    @Test
    void acceptsMonthlyRevenueAtItsUpperBoundAndWithTwoDecimals() {
        String prefix = prefix("Hr");
        for (Object revenue : new Object[] {new BigDecimal("1000000000000"), new BigDecimal("12.34"), 0}) {
            Map<String, Object> input = customerInput(prefix + "-" + revenue);
            input.put("monthlyRevenue", revenue);
            as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input).execute()
                    .path("createCustomer.customer.id").hasValue();
        }
        assertThat(customersNamed(prefix)).isEqualTo(3);
    }

    // ---------------------------------------------------------------- createCustomer: contacts

    @Test
    void refusesContactWithBadEmailNamingTheContact() {
        String prefix = prefix("Hc");
        for (String email : new String[] {"not-an-email", "a@b@c", "<script>@x", "a".repeat(70_000) + "@example.com"}) {
            Map<String, Object> input = customerInput(prefix);
            input.put("contacts", List.of(contact("张三", "13912345678", "ok@example.com"), contact("李四", null, email)));
            refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input),
                    "BAD_REQUEST", "input.contacts[1].email");
        }
        assertThat(customersNamed(prefix)).isZero();
    }

    @Test
    void refusesContactWithBadPhoneNamingTheContact() {
        String prefix = prefix("Hc");
        for (String phone : new String[] {"call me", "139-1234-5678; drop table customer", "1".repeat(33), "1".repeat(70_000)}) {
            Map<String, Object> input = customerInput(prefix);
            input.put("contacts", List.of(contact("张三", phone, null)));
            refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input),
                    "BAD_REQUEST", "input.contacts[0].phone");
        }
        assertThat(customersNamed(prefix)).isZero();
    }

    @Test
    void refusesContactWithBlankOrHugeName() {
        String prefix = prefix("Hc");
        for (String name : new String[] {"  ", HUGE}) {
            Map<String, Object> input = customerInput(prefix);
            input.put("contacts", List.of(contact(name, null, null)));
            refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input),
                    "BAD_REQUEST", "input.contacts[0].name");
        }
        assertThat(customersNamed(prefix)).isZero();
    }

    @Test
    void refusesMoreThan20Contacts() {
        String prefix = prefix("Hc");
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            contacts.add(contact("联系人" + i, null, null));
        }
        Map<String, Object> input = customerInput(prefix);
        input.put("contacts", contacts);
        refused(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input), "BAD_REQUEST", "input.contacts");
        assertThat(customersNamed(prefix)).isZero();
    }

    // ---------------------------------------------------------------- createManager

    @Test
    void refusesEmployeeNoOf70000Characters() {
        String branch = fixtures.unique("HB");
        refused(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", managerInput(branch, HUGE, "王五")),
                "BAD_REQUEST", "input.employeeNo");
        assertThat(managersIn(branch)).isZero();
    }

    @Test
    void refusesManagerNameOf70000Characters() {
        String branch = fixtures.unique("HB");
        refused(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", managerInput(branch, fixtures.unique("E"), HUGE)),
                "BAD_REQUEST", "input.name");
        assertThat(managersIn(branch)).isZero();
    }

    @Test
    void refusesEmployeeNoWithIllegalCharacters() {
        String branch = fixtures.unique("HB");
        for (String employeeNo : new String[] {"E 1", "E1;drop table customer_manager", "E1'--", "E_1", "E1\n",
                "Ё1", "<b>E1</b>", "E1%", "e".repeat(33)}) {
            refused(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", managerInput(branch, employeeNo, "王五")),
                    "BAD_REQUEST", "input.employeeNo");
        }
        assertThat(managersIn(branch)).isZero();
    }

    @Test
    void refusesDuplicateEmployeeNoAsConflict() {
        CustomerManager existing = fixtures.manager(fixtures.unique("HB"), Region.URBAN, Grade.JUNIOR);
        String branch = fixtures.unique("HB");

        List<ResponseError> errors = refused(as(Fixtures.HR).document(CREATE_MANAGER)
                .variable("input", managerInput(branch, existing.getEmployeeNo(), "王五")), "CONFLICT", "input.employeeNo");

        assertThat(errors).extracting(e -> e.getExtensions().get("rule")).containsExactly("EMPLOYEE_NO_UNIQUE");
        assertThat(managersIn(branch)).isZero();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer_manager where employee_no = ?",
                Long.class, existing.getEmployeeNo())).isEqualTo(1);
    }

    @Test
    void refusesUnknownSupervisorAndUserAsNotFound() {
        String branch = fixtures.unique("HB");
        for (String supervisor : new String[] {fixtures.unique("nobody"), "x' or '1'='1", "%"}) {
            Map<String, Object> input = managerInput(branch, fixtures.unique("E"), "王五");
            input.put("supervisorId", supervisor);
            refused(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", input), "NOT_FOUND", "input.supervisorId");
        }
        Map<String, Object> input = managerInput(branch, fixtures.unique("E"), "王五");
        input.put("userId", fixtures.unique("nobody"));
        refused(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", input), "NOT_FOUND", "input.userId");

        input = managerInput(branch, fixtures.unique("E"), "王五");
        input.put("supervisorId", HUGE);
        refused(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", input), "BAD_REQUEST", "input.supervisorId");
        // An existing user who is no SUPERVISOR supervises nobody.
        input = managerInput(branch, fixtures.unique("E"), "王五");
        input.put("supervisorId", Fixtures.JUDGE);
        refused(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", input), "BAD_REQUEST", "input.supervisorId");
        assertThat(managersIn(branch)).isZero();
    }

    @Test
    void refusesGradeSinceInTheFutureOrLongAgo() {
        String branch = fixtures.unique("HB");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate since : new LocalDate[] {today.plusDays(2), LocalDate.of(9999, 12, 31), LocalDate.of(1900, 1, 1)}) {
            Map<String, Object> input = managerInput(branch, fixtures.unique("E"), "王五");
            input.put("gradeSince", since.toString());
            List<ResponseError> errors = refused(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", input),
                    "BAD_REQUEST", "input.gradeSince");
            assertThat(errors).extracting(e -> e.getExtensions().get("rule")).containsOnly("DATE_RANGE");
        }
        assertThat(managersIn(branch)).isZero();
    }

    @Test
    void refusesMalformedGradeSinceAsValidationError() {
        String branch = fixtures.unique("HB");
        for (String since : new String[] {"2024-02-30", "yesterday", "2024-01-01T00:00:00Z", HUGE}) {
            Map<String, Object> input = managerInput(branch, fixtures.unique("E"), "王五");
            input.put("gradeSince", since);
            validationError(as(Fixtures.HR).document(CREATE_MANAGER).variable("input", input));
        }
        assertThat(managersIn(branch)).isZero();
    }

    // ---------------------------------------------------------------- ids

    @Test
    void refusesMalformedCustomerIds() {
        for (String id : new String[] {"abc", "-1", "0", "+1", " 1", "1.0", "0x10", "99999999999999999999",
                "9223372036854775808", "١٢٣", "", HUGE}) {
            refused(as(Fixtures.ADMIN).document(CUSTOMER).variable("id", id), "BAD_REQUEST", "id");
        }
    }

    @Test
    void refusesMalformedManagerIds() {
        for (String id : new String[] {"abc", "-1", "99999999999999999999", HUGE}) {
            refused(as(Fixtures.ADMIN).document(MANAGER).variable("id", id), "BAD_REQUEST", "id");
        }
    }

    @Test
    void answersNotFoundForUnknownIdsOfEveryLookup() {
        refused(as(Fixtures.ADMIN).document(CUSTOMER).variable("id", "987654321"), "NOT_FOUND", "id");
        refused(as(Fixtures.ADMIN).document(MANAGER).variable("id", "987654321"), "NOT_FOUND", "id");
        refused(as(Fixtures.ADMIN).document("query($id: ID!) { application(id: $id) { id } }").variable("id", "987654321"),
                "NOT_FOUND", "id");
        for (String id : new String[] {"no-such-task", "😀", "' OR '1'='1"}) {
            refused(as(Fixtures.ADMIN).document("query($id: ID!) { task(id: $id) { id } }").variable("id", id), "NOT_FOUND", "id");
        }
    }

    @Test
    void incidentEntryPointsAnswerHostileValuesWithoutAServerError() {
        String list = "query($f: IncidentFilter) { incidents(filter: $f, first: 5) { totalCount nodes { id } } }";
        for (String bad : new String[] {HUGE, "' OR '1'='1", "😀", "%", "_"}) {
            List<ResponseError> errors = new ArrayList<>();
            var r = as(Fixtures.ADMIN).document(list)
                    .variable("f", Map.of("processDefinitionKey", bad, "businessKey", bad)).execute();
            r.errors().satisfy(errors::addAll);
            if (bad.length() > 255) {
                assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST"));
            } else {
                assertThat(errors).isEmpty();
                r.path("incidents.totalCount").entity(Integer.class).isEqualTo(0);
            }
        }
        String retry = "mutation($id: ID!) { retryIncident(input: {incidentId: $id}) { incident { id } } }";
        refused(as(Fixtures.ADMIN).document(retry).variable("id", HUGE), "BAD_REQUEST", "input.incidentId");
        for (String bad : new String[] {"no-such", "' OR '1'='1", "😀"}) {
            refused(as(Fixtures.ADMIN).document(retry).variable("id", bad), "NOT_FOUND", "input.incidentId");
        }
        // Refused before it runs: the page would be too large (the complexity limit answers first).
        assertThat(errorsOf(as(Fixtures.ADMIN).document("{ incidents(first: 100000) { totalCount } }")))
                .allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST"));
        refused(as(Fixtures.ADMIN).document("{ incidents(first: 101) { totalCount } }"), "BAD_REQUEST", "first");
    }

    @Test
    void peopleAndManagerMutationsAnswerHostileValuesWithAClassifiedError() {
        String[] hostile = {HUGE, "😀𠀀", "' OR '1'='1", "%_\\", "", " ", "-1", "99999999999999999999"};
        List<String> documents = List.of(
                "mutation($v: ID!) { grantRole(input: {userId: $v, role: JUDGE, reason: \"x\"}) { changed } }",
                "mutation($v: ID!) { revokeRole(input: {userId: $v, role: JUDGE, reason: \"x\"}) { changed } }",
                "mutation($v: ID!) { disableUser(input: {userId: $v, reason: \"x\"}) { changed } }",
                "mutation($v: ID!) { changeSupervisor(input: {managerId: $v, supervisorId: $v, reason: \"x\"}) { changed } }",
                "mutation($v: ID!) { recordLeave(input: {managerId: $v, kind: SICK, startsOn: \"2026-01-01\", endsOn: \"2026-01-02\"}) { leave { kind } } }",
                "mutation($v: ID!) { createUser(input: {id: $v, name: $v, password: $v}) { person { id } } }",
                "query($v: ID!) { loginStatusChanges(userId: $v) { reason } roleChanges(userId: $v) { totalCount } }",
                "query($v: String) { people(filter: {nameContains: $v}) { totalCount } }");
        for (String document : documents) {
            for (String value : hostile) {
                List<ResponseError> errors = new ArrayList<>();
                as(Fixtures.ADMIN).document(document).variable("v", value).execute().errors().satisfy(errors::addAll);
                assertThat(errors).as("%s with %s", document, value.length() > 20 ? value.substring(0, 20) + "…" : value)
                        .allSatisfy(e -> assertThat(e.getErrorType().toString()).isIn("BAD_REQUEST", "NOT_FOUND", "CONFLICT"));
            }
        }
        String leave = "mutation($from: Date!, $to: Date!) { recordLeave(input: {managerId: \"1\", kind: SICK, startsOn: $from, endsOn: $to}) { leave { kind } } }";
        for (String[] dates : new String[][] {{"+999999999-12-31", "+999999999-12-31"}, {"-999999999-01-01", "2026-01-01"},
                {"2026-02-30", "2026-03-01"}, {"2026-01-01", "+999999999-12-31"}}) {
            List<ResponseError> errors = new ArrayList<>();
            as(Fixtures.HR).document(leave).variable("from", dates[0]).variable("to", dates[1]).execute().errors().satisfy(errors::addAll);
            assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.getErrorType().toString()).isIn("BAD_REQUEST", "NOT_FOUND"));
        }
    }

    @Test
    void refusesMalformedManagerIdInCustomerFilter() {
        refused(as(Fixtures.ADMIN).document(CUSTOMERS).variable("filter", Map.of("managerId", "abc")),
                "BAD_REQUEST", "filter.managerId");
    }

    @Test
    void updateOfUnknownCustomerIsNotFound() {
        refused(as(Fixtures.ADMIN).document(UPDATE_CUSTOMER).variable("input", Map.of("id", "987654321", "name", "x")),
                "NOT_FOUND", "input.id");
        refused(as(Fixtures.ADMIN).document(UPDATE_CUSTOMER).variable("input", Map.of("id", "abc", "name", "x")),
                "BAD_REQUEST", "input.id");
        refused(as(Fixtures.ADMIN).document(UPDATE_CUSTOMER).variable("input", Map.of("id", HUGE, "name", "x")),
                "BAD_REQUEST", "input.id");
    }

    @Test
    void updateWithHugeOrBlankNameIsRefusedAndChangesNothing() {
        String name = fixtures.unique("Hu");
        Customer customer = fixtures.customer(name, Fixtures.Tier.C, Region.URBAN);
        for (String bad : new String[] {HUGE, "", "   "}) {
            refused(as(Fixtures.ADMIN).document(UPDATE_CUSTOMER)
                    .variable("input", Map.of("id", customer.getId().toString(), "name", bad)), "BAD_REQUEST", "input.name");
        }
        as(Fixtures.ADMIN).document(CUSTOMER).variable("id", customer.getId().toString()).execute()
                .path("customer.name").entity(String.class).isEqualTo(name)
                .path("customer.version").entity(Long.class).isEqualTo(customer.getVersion());
    }

    @Test
    void assignmentOfUnknownCustomerIsNotFound() {
        CustomerManager manager = fixtures.manager(fixtures.unique("HB"), Region.URBAN, Grade.JUNIOR);
        Map<String, Object> input = Map.of("customerId", "987654321", "managerId", manager.getId().toString());
        refused(as(Fixtures.ADMIN).document(ASSIGN_CUSTOMER).variable("input", input), "NOT_FOUND", "input.customerId");
        refused(as(Fixtures.ADMIN).document(REASSIGN_CUSTOMER).variable("input", input), "NOT_FOUND", "input.customerId");
    }

    @Test
    void assignmentToUnknownManagerIsNotFoundAndLeavesTheCustomerUnassigned() {
        Customer customer = fixtures.customer(fixtures.unique("Ha"), Fixtures.Tier.C, Region.URBAN);
        Map<String, Object> input = Map.of("customerId", customer.getId().toString(), "managerId", "987654321");

        refused(as(Fixtures.ADMIN).document(ASSIGN_CUSTOMER).variable("input", input), "NOT_FOUND", "input.managerId");

        as(Fixtures.ADMIN).document(CUSTOMER).variable("id", customer.getId().toString()).execute()
                .path("customer.manager").valueIsNull();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer_assignment where customer_id = ?",
                Long.class, customer.getId())).isZero();
    }

    @Test
    void assignmentWithMalformedIdsOrHugeReasonIsRefused() {
        Customer customer = fixtures.customer(fixtures.unique("Ha"), Fixtures.Tier.C, Region.URBAN);
        CustomerManager manager = fixtures.manager(fixtures.unique("HB"), Region.URBAN, Grade.JUNIOR);
        String c = customer.getId().toString();
        String m = manager.getId().toString();

        refused(as(Fixtures.ADMIN).document(ASSIGN_CUSTOMER).variable("input", Map.of("customerId", "-1", "managerId", m)),
                "BAD_REQUEST", "input.customerId");
        refused(as(Fixtures.ADMIN).document(ASSIGN_CUSTOMER).variable("input", Map.of("customerId", c, "managerId", "x")),
                "BAD_REQUEST", "input.managerId");
        refused(as(Fixtures.ADMIN).document(ASSIGN_CUSTOMER)
                .variable("input", Map.of("customerId", c, "managerId", m, "reason", HUGE)), "BAD_REQUEST", "input.reason");

        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer_assignment where customer_id = ?",
                Long.class, customer.getId())).isZero();
    }

    // ---------------------------------------------------------------- GraphQL-level validation

    @Test
    void unknownEnumValueIsAValidationError() {
        long total = allCustomers();
        validationError(as(Fixtures.ADMIN).document("{ customers(filter: {tiers: [Z9]}) { totalCount } }"));
        validationError(as(Fixtures.ADMIN).document(CUSTOMERS).variable("filter", Map.of("tiers", List.of("Z9"))));
        Map<String, Object> input = customerInput(fixtures.unique("Hv"));
        input.put("region", "MARS");
        validationError(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input));
        assertThat(allCustomers()).isEqualTo(total);
    }

    @Test
    void nullForARequiredFieldIsAValidationError() {
        long total = allCustomers();
        validationError(as(Fixtures.ADMIN).document("""
                mutation { createCustomer(input: {name: null, type: ENTERPRISE, industry: OTHER, region: URBAN,
                    employees: 1, monthlyRevenue: 1}) { customer { id } } }
                """));
        validationError(as(Fixtures.ADMIN).document("""
                mutation { createCustomer(input: {name: "x", industry: OTHER, region: URBAN,
                    employees: 1, monthlyRevenue: 1}) { customer { id } } }
                """));
        Map<String, Object> input = customerInput(fixtures.unique("Hv"));
        input.put("employees", null);
        validationError(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input));
        Map<String, Object> withNullContact = customerInput(fixtures.unique("Hv"));
        List<Object> contacts = new ArrayList<>();
        contacts.add(null);
        withNullContact.put("contacts", contacts);
        validationError(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", withNullContact));
        assertThat(allCustomers()).isEqualTo(total);
    }

    @Test
    void wrongTypeIsAValidationError() {
        long total = allCustomers();
        validationError(as(Fixtures.ADMIN).document("""
                mutation { createCustomer(input: {name: "x", type: ENTERPRISE, industry: OTHER, region: URBAN,
                    employees: "ten", monthlyRevenue: 1}) { customer { id } } }
                """));
        Map<String, Object> input = customerInput(fixtures.unique("Hv"));
        input.put("employees", "ten");
        validationError(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input));
        input.put("employees", 1.5);
        validationError(as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input));
        validationError(as(Fixtures.ADMIN).document("{ customers(first: \"3\") { totalCount } }"));
        assertThat(allCustomers()).isEqualTo(total);
    }

    @Test
    void refusesDocumentBeyondTheParserTokenLimit() {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 5_000; i++) {
            aliases.append(" a").append(i).append(": me { id }");
        }
        List<ResponseError> errors = errorsOf(as(Fixtures.ADMIN).document(aliases.append(" }").toString()));
        // About 80,000 characters: refused by the document-length limit before the parser even starts.
        assertThat(errors).extracting(e -> e.getErrorType().toString()).containsOnly("BAD_REQUEST");
        assertThat(errors).extracting(e -> e.getExtensions().get("rule")).containsOnly("MAX_CHARACTERS");
    }

    // ---------------------------------------------------------------- nameContains

    @Test
    void refusesNameContainsLongerThan200Characters() {
        List<ResponseError> errors = refused(as(Fixtures.ADMIN).document(CUSTOMERS)
                .variable("filter", Map.of("nameContains", "a".repeat(201))), "BAD_REQUEST", "filter.nameContains");
        assertThat(errors).extracting(e -> e.getExtensions().get("rule")).containsExactly("MAX_LENGTH");
        refused(as(Fixtures.ADMIN).document(MANAGERS).variable("filter", Map.of("nameContains", HUGE)),
                "BAD_REQUEST", "filter.nameContains");

        as(Fixtures.ADMIN).document(CUSTOMERS).variable("filter", Map.of("nameContains", "a".repeat(200))).execute()
                .path("customers.nodes").entityList(Object.class).hasSize(0);
    }

    @Test
    void likeWildcardsInNameContainsAreTakenLiterally() {
        String u = prefix("Hw");
        fixtures.customer(u + "100%", Fixtures.Tier.C, Region.URBAN);
        fixtures.customer(u + "100x", Fixtures.Tier.C, Region.URBAN);
        fixtures.customer(u + "a_b", Fixtures.Tier.C, Region.URBAN);
        fixtures.customer(u + "axb", Fixtures.Tier.C, Region.URBAN);
        fixtures.customer(u + "c\\d", Fixtures.Tier.C, Region.URBAN);
        fixtures.customer(u + "cd", Fixtures.Tier.C, Region.URBAN);

        assertThat(customerNames(u + "100%")).containsExactly(u + "100%");
        assertThat(customerNames(u + "a_b")).containsExactly(u + "a_b");
        assertThat(customerNames(u + "c\\d")).containsExactly(u + "c\\d");
        assertThat(customerNames(u)).hasSize(6);
    }

    // ---------------------------------------------------------------- list filters

    @Test
    void listFiltersRepeatingOneValue200000TimesAreAnsweredWithoutInternalError() {
        String prefix = prefix("Hl");
        fixtures.customer(prefix + "a1", Fixtures.Tier.A1, Region.URBAN);
        fixtures.customer(prefix + "c", Fixtures.Tier.C, Region.URBAN);
        String branch = fixtures.unique("HB");
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR);
        fixtures.manager(branch, Region.URBAN, Grade.JUNIOR);

        GraphQlResponse customers = quickly(as(Fixtures.ADMIN).document(CUSTOMERS).variable("filter",
                Map.of("nameContains", prefix, "tiers", Collections.nCopies(200_000, "A1"))));
        assertThat(customers.getErrors()).isEmpty();
        assertThat(customers.field("customers.nodes").<List<Map<String, Object>>>getValue())
                .extracting(node -> node.get("name")).containsExactly(prefix + "a1");

        GraphQlResponse managers = quickly(as(Fixtures.ADMIN).document(MANAGERS).variable("filter",
                Map.of("branchId", fixtures.branchId(branch), "grades", Collections.nCopies(200_000, "SENIOR"))));
        assertThat(managers.getErrors()).isEmpty();
        assertThat(managers.field("managers.nodes").<List<Map<String, Object>>>getValue())
                .extracting(node -> node.get("employeeNo")).containsExactly(senior.getEmployeeNo());
    }

    // ---------------------------------------------------------------- language of messages

    @Test
    void ruleErrorIsInEnglishWhenAskedFor() {
        CustomerManager existing = fixtures.manager(fixtures.unique("HB"), Region.URBAN, Grade.JUNIOR);
        List<ResponseError> errors = refused(as(Fixtures.HR, "en").document(CREATE_MANAGER)
                        .variable("input", managerInput(fixtures.unique("HB"), existing.getEmployeeNo(), "王五")),
                "CONFLICT", "input.employeeNo");
        assertThat(errors).extracting(ResponseError::getMessage)
                .containsExactly("Employee number " + existing.getEmployeeNo() + " is already in use");

        List<ResponseError> invalid = refused(as(Fixtures.HR, "en-GB,en;q=0.9").document(CREATE_MANAGER)
                .variable("input", managerInput(fixtures.unique("HB"), "E 1", "王五")), "BAD_REQUEST", "input.employeeNo");
        assertThat(invalid).extracting(ResponseError::getMessage)
                .containsExactly("Field input.employeeNo is invalid: letters, digits and '-' only, at most 32 characters");
    }

    @Test
    void ruleErrorIsInChineseWithoutAcceptLanguage() {
        CustomerManager existing = fixtures.manager(fixtures.unique("HB"), Region.URBAN, Grade.JUNIOR);
        List<ResponseError> errors = refused(as(Fixtures.HR).document(CREATE_MANAGER)
                        .variable("input", managerInput(fixtures.unique("HB"), existing.getEmployeeNo(), "王五")),
                "CONFLICT", "input.employeeNo");
        assertThat(errors).extracting(ResponseError::getMessage)
                .containsExactly("员工编号 " + existing.getEmployeeNo() + " 已被使用");
        assertThat(hasHan(errors.get(0).getMessage())).as(errors.get(0).getMessage()).isTrue();

        List<ResponseError> invalid = refused(as(Fixtures.HR).document(CREATE_MANAGER)
                .variable("input", managerInput(fixtures.unique("HB"), "E 1", "王五")), "BAD_REQUEST", "input.employeeNo");
        assertThat(invalid).extracting(ResponseError::getMessage)
                .containsExactly("字段 input.employeeNo 无效：只能包含字母、数字和“-”，最多 32 个字符");

        List<ResponseError> idError = refused(as(Fixtures.ADMIN).document(CUSTOMER).variable("id", "abc"), "BAD_REQUEST", "id");
        assertThat(idError).extracting(ResponseError::getMessage).containsExactly("字段 id 不是有效的编号");
        assertThat(hasHan(idError.get(0).getMessage())).isTrue();
        List<ResponseError> english = refused(as(Fixtures.ADMIN, "en").document(CUSTOMER).variable("id", "abc"), "BAD_REQUEST", "id");
        assertThat(english).extracting(ResponseError::getMessage).containsExactly("Field id is not a valid id");
    }

    // ---------------------------------------------------------------- optimistic concurrency

    @Test
    void staleExpectedVersionIsAConflictAndChangesNothing() {
        String name = fixtures.unique("Hs");
        Customer customer = fixtures.customer(name, Fixtures.Tier.C, Region.URBAN);
        String id = customer.getId().toString();
        long original = customer.getVersion();

        Long changed = as(Fixtures.ADMIN).document(UPDATE_CUSTOMER)
                .variable("input", Map.of("id", id, "name", name + " v2", "expectedVersion", original)).execute()
                .path("updateCustomer.customer.version").entity(Long.class).get();
        assertThat(changed).isGreaterThan(original);

        List<ResponseError> errors = refused(as(Fixtures.ADMIN).document(UPDATE_CUSTOMER)
                .variable("input", Map.of("id", id, "name", name + " v3", "expectedVersion", original)),
                "CONFLICT", "input.expectedVersion");
        assertThat(errors).extracting(e -> e.getExtensions().get("rule")).containsExactly("VERSION");

        as(Fixtures.ADMIN).document(CUSTOMER).variable("id", id).execute()
                .path("customer.name").entity(String.class).isEqualTo(name + " v2")
                .path("customer.version").entity(Long.class).isEqualTo(changed);
    }

    // ---------------------------------------------------------------- objects where a scalar belongs

    @Test
    void refusesAnObjectForAnIdAsATypeErrorWrittenEitherWay() {
        for (String document : new String[] {"{ task(id: {a: 1}) { id } }", "{ customer(id: {a: 1}) { id } }"}) {
            List<ResponseError> literal = errorsOf(as(Fixtures.ADMIN, "en").document(document));
            assertThat(literal).singleElement().satisfies(e -> typeError(e, "id"));
        }
        for (String document : new String[] {"query($id: ID!) { task(id: $id) { id } }", CUSTOMER}) {
            for (Object value : new Object[] {Map.of("a", 1), List.of(1), 1.5, true}) {
                List<ResponseError> variable = errorsOf(as(Fixtures.ADMIN, "en").document(document).variable("id", value));
                assertThat(variable).as("%s", value).singleElement().satisfies(e -> {
                    typeError(e, "id");
                    assertThat(e.getMessage()).isEqualTo("Variable $id has a value of the wrong type");
                });
            }
        }
    }

    @Test
    void acceptsAWholeNumberForAnId() {
        // Accepted as an id: the answer is that there is no such customer, not a type error.
        refused(as(Fixtures.ADMIN).document(CUSTOMER).variable("id", 999_999_999), "NOT_FOUND", "id");
    }

    @Test
    void refusesAnObjectForAStringAsATypeErrorWrittenEitherWay() {
        List<ResponseError> literal = errorsOf(as(Fixtures.ADMIN).document(
                "{ customers(filter: {nameContains: {a: 1}}) { totalCount } }"));
        assertThat(literal).singleElement().satisfies(e -> {
            typeError(e, "filter.nameContains");
            assertThat(e.getMessage()).isEqualTo("字段 filter.nameContains 的值无效");
        });
        List<ResponseError> variable = errorsOf(as(Fixtures.ADMIN).document(
                "query($n: String) { customers(filter: {nameContains: $n}) { totalCount } }").variable("n", Map.of("a", 1)));
        assertThat(variable).singleElement().satisfies(e -> {
            typeError(e, "n");
            assertThat(e.getMessage()).isEqualTo("变量 $n 的值类型不对");
        });
    }

    private static void typeError(ResponseError e, String field) {
        assertThat(e.getErrorType().toString()).as(e.getMessage()).isEqualTo("BAD_REQUEST");
        assertThat(e.getExtensions()).as(e.getMessage()).containsEntry("rule", "TYPE").containsEntry("field", field);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Runs the request and checks it was answered quickly with errors, all of {@code classification}
     * and all naming {@code field}. Returns the errors for further checks.
     */
    private static List<ResponseError> refused(GraphQlTester.Request<?> request, String classification, String field) {
        List<ResponseError> errors = errorsOf(request);
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.getErrorType().toString()).as("classification of %s", e.getMessage()).isEqualTo(classification);
            assertThat(e.getExtensions().get("field")).as("field of %s", e.getMessage()).isEqualTo(field);
        });
        return errors;
    }

    /**
     * Runs the request and checks it was refused by graphql-java's own validation or variable coercion:
     * BAD_REQUEST with one of the service's codes - a value of the wrong type, a missing value or an
     * unknown field, naming the argument or variable, or else an invalid query with graphql-java's
     * precise validation error type.
     */
    private static void validationError(GraphQlTester.Request<?> request) {
        List<ResponseError> errors = errorsOf(request);
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getErrorType().toString()).as("classification of %s", e.getMessage()).isEqualTo("BAD_REQUEST");
            Object rule = e.getExtensions().get("rule");
            assertThat(rule).as("rule of %s", e.getMessage()).isIn("TYPE", "REQUIRED", "UNKNOWN_FIELD", "INVALID_QUERY");
            if ("INVALID_QUERY".equals(rule)) {
                assertThat(e.getExtensions()).as("extensions of %s", e.getMessage()).containsKey("validation");
            } else {
                assertThat(e.getExtensions()).as("extensions of %s", e.getMessage()).containsKey("field");
            }
        });
    }

    private static List<ResponseError> errorsOf(GraphQlTester.Request<?> request) {
        List<ResponseError> errors = quickly(request).getErrors();
        assertThat(errors).as("errors").isNotEmpty();
        assertThat(errors).extracting(e -> e.getErrorType().toString()).doesNotContain("INTERNAL_ERROR");
        return errors;
    }

    /** A unique name prefix; the colon keeps "X-1:" from matching the names of "X-12:". */
    private String prefix(String letters) {
        return fixtures.unique(letters) + ":";
    }

    /** Runs the request, failing if the answer takes longer than {@link #QUICK}. */
    private static GraphQlResponse quickly(GraphQlTester.Request<?> request) {
        long started = System.nanoTime();
        GraphQlResponse response = request.execute().returnResponse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to answer").isLessThan(QUICK);
        return response;
    }

    private List<String> customerNames(String nameContains) {
        return as(Fixtures.ADMIN).document(CUSTOMERS).variable("filter", Map.of("nameContains", nameContains)).execute()
                .path("customers.nodes[*].name").entityList(String.class).get();
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static Map<String, Object> customerInput(String name) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("type", "ENTERPRISE");
        input.put("industry", "OTHER");
        input.put("region", "URBAN");
        input.put("employees", 10);
        input.put("monthlyRevenue", 1000);
        return input;
    }

    private static Map<String, Object> contact(String name, String phone, String email) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", name);
        contact.put("phone", phone);
        contact.put("email", email);
        return contact;
    }

    private Map<String, Object> managerInput(String branch, String employeeNo, String name) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("employeeNo", employeeNo);
        input.put("name", name);
        input.put("branchId", fixtures.branchId(branch));
        input.put("region", "URBAN");
        input.put("grade", "JUNIOR");
        return input;
    }

    private long customersNamed(String prefix) {
        return fixtures.jdbc().queryForObject("select count(*) from customer where name like ?", Long.class, prefix + "%");
    }

    private long allCustomers() {
        return fixtures.jdbc().queryForObject("select count(*) from customer", Long.class);
    }

    private long managersIn(String branch) {
        return fixtures.jdbc().queryForObject("select count(*) from customer_manager m join branch b on b.id = m.branch_id where b.name = ?", Long.class, branch);
    }
}
