package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.customer.Customer;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;

/** Cursor pagination of the connections, their sort orders and their filters. */
class PaginationTest extends IntegrationTest {

    private static final String CUSTOMERS = """
            query($filter: CustomerFilter, $sort: CustomerSort, $first: Int, $after: String, $last: Int, $before: String) {
              customers(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
                edges { cursor node { id name tier monthlyRevenue } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                totalCount
              }
            }
            """;
    private static final String MANAGERS = """
            query($filter: ManagerFilter, $sort: ManagerSort, $first: Int, $after: String, $last: Int, $before: String) {
              managers(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
                edges { cursor node { id name employeeNo grade status } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                totalCount
              }
            }
            """;
    private static final String CREATE_CUSTOMER = """
            mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name tier } } }
            """;
    private static final String CREATE_MANAGER = """
            mutation($input: CreateManagerInput!) { createManager(input: $input) { manager { id employeeNo grade } } }
            """;

    record Page(List<Edge> edges, PageInfo pageInfo, int totalCount) {
        List<String> names() {
            return edges.stream().map(e -> e.node().name()).toList();
        }

        List<String> ids() {
            return edges.stream().map(e -> e.node().id()).toList();
        }
    }

    record Edge(String cursor, Node node) {
    }

    /** Customer or manager: the fields of either that the tests read. */
    record Node(String id, String name, String tier, Double monthlyRevenue, String employeeNo, String grade, String status) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    // ---------------------------------------------------------------- paging forwards and backwards

    @Test
    void followingEndCursorVisitsEveryCustomerOnceInNameOrder() {
        String prefix = prefix("Pf");
        List<String> names = sevenCustomers(prefix);

        Page page = customers(Map.of("nameContains", prefix), null, args("first", 3));
        assertThat(page.edges()).hasSize(3);
        assertThat(page.pageInfo().hasNextPage()).isTrue();
        assertThat(page.pageInfo().hasPreviousPage()).isFalse();
        assertThat(page.totalCount()).isEqualTo(7);
        assertThat(page.pageInfo().startCursor()).isEqualTo(page.edges().get(0).cursor());
        assertThat(page.pageInfo().endCursor()).isEqualTo(page.edges().get(2).cursor());

        List<String> seen = new ArrayList<>(page.names());
        List<Integer> sizes = new ArrayList<>(List.of(page.edges().size()));
        while (page.pageInfo().hasNextPage()) {
            page = customers(Map.of("nameContains", prefix), null, args("first", 3, "after", page.pageInfo().endCursor()));
            assertThat(page.pageInfo().hasPreviousPage()).isTrue();
            seen.addAll(page.names());
            sizes.add(page.edges().size());
            assertThat(sizes).as("pages").hasSizeLessThanOrEqualTo(3);
        }
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(page.pageInfo().hasNextPage()).isFalse();
        assertThat(seen).containsExactlyElementsOf(names.stream().sorted().toList());
    }

    @Test
    void lastReturnsTheFinalElementsAndBeforeCutsThePageShort() {
        String prefix = prefix("Pl");
        List<String> sorted = sevenCustomers(prefix).stream().sorted().toList();

        Page tail = customers(Map.of("nameContains", prefix), null, args("last", 2));
        assertThat(tail.names()).containsExactly(sorted.get(5), sorted.get(6));
        assertThat(tail.pageInfo().hasNextPage()).isFalse();
        assertThat(tail.pageInfo().hasPreviousPage()).isTrue();

        Page all = customers(Map.of("nameContains", prefix), null, args("first", 7));
        assertThat(all.names()).containsExactlyElementsOf(sorted);
        String fifth = all.edges().get(4).cursor();

        Page beforeFifth = customers(Map.of("nameContains", prefix), null, args("last", 2, "before", fifth));
        assertThat(beforeFifth.names()).containsExactly(sorted.get(2), sorted.get(3));
        assertThat(beforeFifth.pageInfo().hasPreviousPage()).isTrue();
        assertThat(beforeFifth.pageInfo().hasNextPage()).isTrue();

        Page head = customers(Map.of("nameContains", prefix), null, args("last", 5, "before", all.edges().get(2).cursor()));
        assertThat(head.names()).containsExactly(sorted.get(0), sorted.get(1));
        assertThat(head.pageInfo().hasPreviousPage()).isFalse();

        Page between = customers(Map.of("nameContains", prefix), null,
                args("first", 10, "after", all.edges().get(1).cursor(), "before", fifth));
        assertThat(between.names()).containsExactly(sorted.get(2), sorted.get(3));
    }

    @Test
    void defaultPageHoldsTwentyAndFirstMayAskForAHundred() {
        String prefix = prefix("Pd");
        for (int i = 0; i < 21; i++) {
            fixtures.customer(prefix + (char) ('A' + i), Fixtures.Tier.C, Region.URBAN);
        }
        Page page = customers(Map.of("nameContains", prefix), null, Map.of());
        assertThat(page.edges()).hasSize(20);
        assertThat(page.pageInfo().hasNextPage()).isTrue();

        Page big = customers(Map.of("nameContains", prefix), null, args("first", 100));
        assertThat(big.edges()).hasSize(21);
        assertThat(big.pageInfo().hasNextPage()).isFalse();

        Page none = customers(Map.of("nameContains", prefix), null, args("first", 0));
        assertThat(none.edges()).isEmpty();
        assertThat(none.totalCount()).isEqualTo(21);
        assertThat(none.pageInfo().hasNextPage()).as("first: 0 still tells that rows follow").isTrue();
    }

    // ---------------------------------------------------------------- sort

    @Test
    void sortsCustomersByMonthlyRevenueDescendingAndByTierAscending() {
        String prefix = prefix("Ps");
        // Tier and revenue deliberately disagree: a government body with no revenue is A2, many staff make B1.
        String a1 = createCustomer(prefix + "a1", "OTHER", 10, "600000", "A1");
        String a2gov = createCustomer(prefix + "a2gov", "GOVERNMENT", 150, "0", "A2");
        String b1 = createCustomer(prefix + "b1", "OTHER", 600, "1000", "B1");
        String b2 = createCustomer(prefix + "b2", "OTHER", 10, "20000", "B2");
        String a2rich = createCustomer(prefix + "a2rich", "OTHER", 10, "300000", "A2");

        Page byRevenue = customers(Map.of("nameContains", prefix),
                Map.of("field", "MONTHLY_REVENUE", "direction", "DESC"), args("first", 10));
        assertThat(byRevenue.ids()).containsExactly(a1, a2rich, b2, b1, a2gov);
        assertThat(byRevenue.edges()).extracting(e -> e.node().monthlyRevenue())
                .containsExactly(600000.0, 300000.0, 20000.0, 1000.0, 0.0);

        Page byRevenueAsc = customers(Map.of("nameContains", prefix),
                Map.of("field", "MONTHLY_REVENUE", "direction", "ASC"), args("first", 10));
        assertThat(byRevenueAsc.ids()).containsExactly(a2gov, b1, b2, a2rich, a1);

        // Equal tiers fall back to id order, in the same direction.
        Page byTier = customers(Map.of("nameContains", prefix), Map.of("field", "TIER", "direction", "ASC"), args("first", 10));
        assertThat(byTier.ids()).containsExactly(a1, a2gov, a2rich, b1, b2);
        assertThat(byTier.edges()).extracting(e -> e.node().tier()).containsExactly("A1", "A2", "A2", "B1", "B2");

        Page byTierDesc = customers(Map.of("nameContains", prefix), Map.of("field", "TIER", "direction", "DESC"), args("first", 10));
        assertThat(byTierDesc.ids()).containsExactly(b2, b1, a2rich, a2gov, a1);

        Page byNameDesc = customers(Map.of("nameContains", prefix), Map.of("direction", "DESC"), args("first", 10));
        assertThat(byNameDesc.ids()).containsExactly(b2, b1, a2rich, a2gov, a1);
    }

    @Test
    void pagesFollowTheChosenSortOrder() {
        String prefix = prefix("Pp");
        String a1 = createCustomer(prefix + "a", "OTHER", 10, "600000", "A1");
        String c = createCustomer(prefix + "b", "OTHER", 10, "1000", "C");
        String b1 = createCustomer(prefix + "c", "OTHER", 10, "60000", "B1");
        Map<String, Object> sort = Map.of("field", "MONTHLY_REVENUE", "direction", "DESC");

        Page first = customers(Map.of("nameContains", prefix), sort, args("first", 2));
        assertThat(first.ids()).containsExactly(a1, b1);
        Page second = customers(Map.of("nameContains", prefix), sort, args("first", 2, "after", first.pageInfo().endCursor()));
        assertThat(second.ids()).containsExactly(c);
        assertThat(second.pageInfo().hasNextPage()).isFalse();
    }

    // ---------------------------------------------------------------- page-size and cursor errors

    @Test
    void refusesPageSizesOutsideZeroToAHundred() {
        assertPageSizeRefused(args("first", 101), "first");
        assertPageSizeRefused(args("first", -1), "first");
        // So large that the complexity estimate refuses it before the page-size cap looks at it.
        GraphQlResponse huge = as(Fixtures.ADMIN).document("{ customers(first: 2147483647) { totalCount } }").execute()
                .returnResponse();
        assertThat(huge.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(e.getExtensions().get("rule")).isIn("PAGE_SIZE", "MAX_COMPLEXITY");
        });
        assertPageSizeRefused(args("last", 101), "last");
        assertPageSizeRefused(args("last", -1), "last");
        GraphQlResponse managers = as(Fixtures.ADMIN).document("{ managers(first: 101) { totalCount } }").execute()
                .returnResponse();
        assertRefused(managers.getErrors(), "first", "PAGE_SIZE");
    }

    @Test
    void refusesFirstAndLastTogether() {
        List<ResponseError> errors = customerErrors(Map.of(), args("first", 2, "last", 2));
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(e.getExtensions().get("rule")).isEqualTo("FIRST_OR_LAST");
        });
    }

    @Test
    void refusesGarbageCursors() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String[] garbage = {
            "zzz",
            "z",
            "",
            "!!!!",
            b64.encodeToString("hello".getBytes(StandardCharsets.US_ASCII)),
            b64.encodeToString("o:abc".getBytes(StandardCharsets.US_ASCII)),
            b64.encodeToString("o:-1".getBytes(StandardCharsets.US_ASCII)),
            b64.encodeToString("o:99999999999999999999".getBytes(StandardCharsets.US_ASCII)),
            b64.encodeToString("o:2147483647".getBytes(StandardCharsets.US_ASCII)),
            Base64.getEncoder().encodeToString("{\"offset\":1}".getBytes(StandardCharsets.US_ASCII)),
            "b".repeat(70_000),
        };
        for (String cursor : garbage) {
            assertCursorRefused(args("first", 2, "after", cursor), "after");
            assertCursorRefused(args("last", 2, "before", cursor), "before");
        }
        assertManagerRefused(args("after", "zzz"), "after", "CURSOR_FORMAT");
    }

    @Test
    void aCursorFarBeyondTheEndGivesAnEmptyPage() {
        String far = Base64.getUrlEncoder().withoutPadding().encodeToString("o:2147483646".getBytes(StandardCharsets.US_ASCII));
        Page page = customers(Map.of(), null, args("first", 100, "after", far));
        assertThat(page.edges()).isEmpty();
        assertThat(page.pageInfo().hasNextPage()).isFalse();
    }

    // ---------------------------------------------------------------- customer filters

    /** Four customers of one prefix and two managers of one unique branch each. */
    private record CustomerSet(String prefix, String a1Urban, String cRuralAssigned, String b2UrbanAssigned,
                               String individualRural, CustomerManager manager, CustomerManager otherManager) {
    }

    private CustomerSet customerSet() {
        String prefix = prefix("Pc");
        Customer a1 = fixtures.customer(prefix + "a", Fixtures.Tier.A1, Region.URBAN);
        Customer c = fixtures.customer(prefix + "b", Fixtures.Tier.C, Region.RURAL);
        Customer b2 = fixtures.customer(prefix + "c", Fixtures.Tier.B2, Region.URBAN);
        String individual = createCustomer(prefix + "d", "INDIVIDUAL", "OTHER", "RURAL", 1, "1000", "C");
        CustomerManager manager = fixtures.manager(fixtures.unique("PB"), Region.URBAN, Grade.JUNIOR);
        CustomerManager other = fixtures.manager(fixtures.unique("PB"), Region.URBAN, Grade.JUNIOR);
        fixtures.assign(c, manager);
        fixtures.assign(b2, other);
        return new CustomerSet(prefix, a1.getId().toString(), c.getId().toString(), b2.getId().toString(), individual,
                manager, other);
    }

    @Test
    void filtersCustomersByTiers() {
        CustomerSet s = customerSet();
        assertThat(customerIds(s, "tiers", List.of("A1"))).containsExactly(s.a1Urban());
        assertThat(customerIds(s, "tiers", List.of("A1", "C"))).containsExactly(s.a1Urban(), s.cRuralAssigned(), s.individualRural());
        assertThat(customerIds(s, "tiers", List.of("A2", "B1"))).isEmpty();
    }

    @Test
    void filtersCustomersByRegion() {
        CustomerSet s = customerSet();
        assertThat(customerIds(s, "region", "RURAL")).containsExactly(s.cRuralAssigned(), s.individualRural());
        assertThat(customerIds(s, "region", "URBAN")).containsExactly(s.a1Urban(), s.b2UrbanAssigned());
    }

    @Test
    void filtersCustomersByTypes() {
        CustomerSet s = customerSet();
        assertThat(customerIds(s, "types", List.of("INDIVIDUAL"))).containsExactly(s.individualRural());
        assertThat(customerIds(s, "types", List.of("ENTERPRISE"))).containsExactly(s.a1Urban(), s.cRuralAssigned(), s.b2UrbanAssigned());
        assertThat(customerIds(s, "types", List.of("GROUP", "RETAIL_OUTLET"))).isEmpty();
    }

    @Test
    void filtersCustomersByManager() {
        CustomerSet s = customerSet();
        assertThat(customerIds(s, "managerId", s.manager().getId().toString())).containsExactly(s.cRuralAssigned());
        assertThat(customerIds(s, "managerId", s.otherManager().getId().toString())).containsExactly(s.b2UrbanAssigned());
        // The manager filter alone, without the name prefix, finds the manager's one customer too.
        Page alone = customers(Map.of("managerId", s.manager().getId().toString()), null, args("first", 100));
        assertThat(alone.ids()).containsExactly(s.cRuralAssigned());
        assertThat(customers(Map.of("managerId", "987654321"), null, args("first", 100)).edges()).isEmpty();
    }

    @Test
    void filtersCustomersByAssigned() {
        CustomerSet s = customerSet();
        assertThat(customerIds(s, "assigned", true)).containsExactly(s.cRuralAssigned(), s.b2UrbanAssigned());
        assertThat(customerIds(s, "assigned", false)).containsExactly(s.a1Urban(), s.individualRural());
    }

    @Test
    void filtersCustomersByNameContainsIgnoringCase() {
        CustomerSet s = customerSet();
        Page lower = customers(Map.of("nameContains", s.prefix().toLowerCase()), null, args("first", 100));
        assertThat(lower.ids()).containsExactly(s.a1Urban(), s.cRuralAssigned(), s.b2UrbanAssigned(), s.individualRural());
        assertThat(lower.totalCount()).isEqualTo(4);
        Page one = customers(Map.of("nameContains", " " + s.prefix().toUpperCase() + "C "), null, args("first", 100));
        assertThat(one.ids()).containsExactly(s.b2UrbanAssigned());
        assertThat(one.totalCount()).isEqualTo(1);
    }

    @Test
    void combinesCustomerFilters() {
        CustomerSet s = customerSet();
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("nameContains", s.prefix());
        filter.put("region", "RURAL");
        filter.put("assigned", false);
        Page page = customers(filter, null, args("first", 100));
        assertThat(page.ids()).containsExactly(s.individualRural());
        assertThat(page.totalCount()).isEqualTo(1);

        filter.put("tiers", List.of("A1", "B2"));
        assertThat(customers(filter, null, args("first", 100)).edges()).isEmpty();
    }

    // ---------------------------------------------------------------- manager filters and sort

    /** Four managers of one branch and one of another. */
    private record ManagerSet(String branch, CustomerManager junior, CustomerManager seniorRural, CustomerManager trainee,
                              CustomerManager intermediateRural, CustomerManager elsewhere) {
        List<String> all() {
            return List.of(junior.getEmployeeNo(), seniorRural.getEmployeeNo(), trainee.getEmployeeNo(),
                    intermediateRural.getEmployeeNo());
        }
    }

    private ManagerSet managerSet() {
        String branch = fixtures.unique("PM");
        CustomerManager junior = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, null, Fixtures.SUPERVISOR);
        CustomerManager senior = fixtures.manager(branch, Region.RURAL, Grade.SENIOR, null, Fixtures.SUPERVISOR2);
        CustomerManager trainee = fixtures.manager(branch, Region.URBAN, Grade.TRAINEE, null, Fixtures.SUPERVISOR);
        CustomerManager intermediate = fixtures.manager(branch, Region.RURAL, Grade.INTERMEDIATE, null, null);
        CustomerManager elsewhere = fixtures.manager(fixtures.unique("PM"), Region.URBAN, Grade.JUNIOR, null, Fixtures.SUPERVISOR2);
        return new ManagerSet(branch, junior, senior, trainee, intermediate, elsewhere);
    }

    @Test
    void filtersManagersByBranch() {
        ManagerSet s = managerSet();
        Page page = managers(Map.of("branchId", fixtures.branchId(s.branch())), Map.of("field", "EMPLOYEE_NO"), args("first", 100));
        assertThat(employeeNos(page)).containsExactlyInAnyOrderElementsOf(s.all());
        assertThat(page.totalCount()).isEqualTo(4);
        assertThat(employeeNos(managers(Map.of("branchId", String.valueOf(s.elsewhere().getBranchId())), null, args("first", 100))))
                .containsExactly(s.elsewhere().getEmployeeNo());
        // Exactly this branch: a branch without managers has none.
        assertThat(managers(Map.of("branchId", fixtures.branchId(fixtures.unique("PE"))), null, args("first", 100)).edges()).isEmpty();
    }

    @Test
    void filtersManagersByGrades() {
        ManagerSet s = managerSet();
        assertThat(managerNos(s, "grades", List.of("JUNIOR", "SENIOR")))
                .containsExactlyInAnyOrder(s.junior().getEmployeeNo(), s.seniorRural().getEmployeeNo());
        assertThat(managerNos(s, "grades", List.of("TRAINEE"))).containsExactly(s.trainee().getEmployeeNo());
    }

    @Test
    void filtersManagersByStatuses() {
        ManagerSet s = managerSet();
        assertThat(managerNos(s, "statuses", List.of("PROBATION"))).containsExactly(s.trainee().getEmployeeNo());
        assertThat(managerNos(s, "statuses", List.of("ACTIVE"))).containsExactlyInAnyOrder(
                s.junior().getEmployeeNo(), s.seniorRural().getEmployeeNo(), s.intermediateRural().getEmployeeNo());
        assertThat(managerNos(s, "statuses", List.of("SUSPENDED", "LEFT"))).isEmpty();
    }

    @Test
    void filtersManagersByRegion() {
        ManagerSet s = managerSet();
        assertThat(managerNos(s, "region", "RURAL"))
                .containsExactlyInAnyOrder(s.seniorRural().getEmployeeNo(), s.intermediateRural().getEmployeeNo());
        assertThat(managerNos(s, "region", "URBAN"))
                .containsExactlyInAnyOrder(s.junior().getEmployeeNo(), s.trainee().getEmployeeNo());
    }

    @Test
    void filtersManagersBySupervisor() {
        ManagerSet s = managerSet();
        assertThat(managerNos(s, "supervisorId", Fixtures.SUPERVISOR2)).containsExactly(s.seniorRural().getEmployeeNo());
        assertThat(managerNos(s, "supervisorId", Fixtures.SUPERVISOR))
                .containsExactlyInAnyOrder(s.junior().getEmployeeNo(), s.trainee().getEmployeeNo());
        assertThat(managerNos(s, "supervisorId", fixtures.unique("nobody"))).isEmpty();
    }

    @Test
    void filtersManagersByNameContainsIgnoringCase() {
        ManagerSet s = managerSet();
        // Fixture managers are named "经理" + employee number; the last one's number is in no other name of the set.
        String last = s.intermediateRural().getEmployeeNo();
        assertThat(managerNos(s, "nameContains", last.toLowerCase())).containsExactly(last);
        assertThat(managerNos(s, "nameContains", "经理")).hasSize(4);
        assertThat(managerNos(s, "nameContains", "经理x")).isEmpty();
    }

    @Test
    void sortsManagersByEmployeeNo() {
        String branch = fixtures.unique("PM");
        String no = fixtures.unique("N");
        // Created out of order, so that employee-number order is neither creation nor id order.
        String c = createManager(branch, no + "-C", "JUNIOR");
        String a = createManager(branch, no + "-A", "JUNIOR");
        String b = createManager(branch, no + "-B", "JUNIOR");

        Page asc = managers(Map.of("branchId", fixtures.branchId(branch)), Map.of("field", "EMPLOYEE_NO"), args("first", 10));
        assertThat(asc.ids()).containsExactly(a, b, c);
        Page desc = managers(Map.of("branchId", fixtures.branchId(branch)), Map.of("field", "EMPLOYEE_NO", "direction", "DESC"), args("first", 10));
        assertThat(desc.ids()).containsExactly(c, b, a);
        assertThat(employeeNos(desc)).containsExactly(no + "-C", no + "-B", no + "-A");
    }

    @Test
    void sortsManagersByGradeWithIdAsTieBreak() {
        String branch = fixtures.unique("PM");
        String no = fixtures.unique("G");
        String senior1 = createManager(branch, no + "-1", "SENIOR");
        String junior1 = createManager(branch, no + "-2", "JUNIOR");
        String senior2 = createManager(branch, no + "-3", "SENIOR");
        String junior2 = createManager(branch, no + "-4", "JUNIOR");

        Page asc = managers(Map.of("branchId", fixtures.branchId(branch)), Map.of("field", "GRADE"), args("first", 10));
        assertThat(asc.ids()).containsExactly(junior1, junior2, senior1, senior2);
        Page desc = managers(Map.of("branchId", fixtures.branchId(branch)), Map.of("field", "GRADE", "direction", "DESC"), args("first", 10));
        assertThat(desc.ids()).containsExactly(senior2, senior1, junior2, junior1);

        Page firstPage = managers(Map.of("branchId", fixtures.branchId(branch)), Map.of("field", "GRADE"), args("first", 3));
        Page rest = managers(Map.of("branchId", fixtures.branchId(branch)), Map.of("field", "GRADE"),
                args("first", 3, "after", firstPage.pageInfo().endCursor()));
        assertThat(rest.ids()).containsExactly(senior2);
    }

    @Test
    void sortsManagersByGradeAlongTheLadderNotTheAlphabet() {
        String branch = fixtures.unique("PL");
        String no = fixtures.unique("L");
        String senior = createManager(branch, no + "-1", "SENIOR");
        String trainee = createManager(branch, no + "-2", "TRAINEE");
        String intermediate = createManager(branch, no + "-3", "INTERMEDIATE");
        String junior = createManager(branch, no + "-4", "JUNIOR");

        Page asc = managers(Map.of("branchId", fixtures.branchId(branch)), Map.of("field", "GRADE"), args("first", 10));
        assertThat(asc.ids()).containsExactly(trainee, junior, intermediate, senior);
    }

    // ---------------------------------------------------------------- helpers

    private Page customers(Map<String, Object> filter, Map<String, Object> sort, Map<String, Object> paging) {
        Map<String, Object> variables = new LinkedHashMap<>(paging);
        variables.put("filter", filter);
        if (sort != null) {
            variables.put("sort", sort);
        }
        return as(Fixtures.ADMIN).document(CUSTOMERS).variables(variables).execute()
                .path("customers").entity(Page.class).get();
    }

    private Page managers(Map<String, Object> filter, Map<String, Object> sort, Map<String, Object> paging) {
        Map<String, Object> variables = new LinkedHashMap<>(paging);
        variables.put("filter", filter);
        if (sort != null) {
            variables.put("sort", sort);
        }
        return as(Fixtures.ADMIN).document(MANAGERS).variables(variables).execute()
                .path("managers").entity(Page.class).get();
    }

    /** Ids of the set's customers matching one more filter, in name order. */
    private List<String> customerIds(CustomerSet s, String filter, Object value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nameContains", s.prefix());
        f.put(filter, value);
        Page page = customers(f, null, args("first", 100));
        assertThat(page.totalCount()).isEqualTo(page.edges().size());
        return page.ids();
    }

    /** Employee numbers of the set's branch matching one more filter. */
    private List<String> managerNos(ManagerSet s, String filter, Object value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("branchId", fixtures.branchId(s.branch()));
        f.put(filter, value);
        Page page = managers(f, null, args("first", 100));
        assertThat(page.totalCount()).isEqualTo(page.edges().size());
        return employeeNos(page);
    }

    private static List<String> employeeNos(Page page) {
        return page.edges().stream().map(e -> e.node().employeeNo()).toList();
    }

    private List<ResponseError> customerErrors(Map<String, Object> filter, Map<String, Object> paging) {
        Map<String, Object> variables = new LinkedHashMap<>(paging);
        variables.put("filter", filter);
        GraphQlResponse response = as(Fixtures.ADMIN).document(CUSTOMERS).variables(variables).execute().returnResponse();
        assertThat(response.getErrors()).isNotEmpty();
        return response.getErrors();
    }

    /**
     * Asks only for the count: a page of 101 full customers would be refused first by the
     * query-complexity limit, which has its own tests.
     */
    private void assertPageSizeRefused(Map<String, Object> paging, String field) {
        GraphQlResponse response = as(Fixtures.ADMIN).document("""
                query($first: Int, $last: Int) { customers(first: $first, last: $last) { totalCount } }""")
                .variables(new LinkedHashMap<>(paging)).execute().returnResponse();
        assertRefused(response.getErrors(), field, "PAGE_SIZE");
    }

    private void assertCursorRefused(Map<String, Object> paging, String field) {
        assertRefused(customerErrors(Map.of(), paging), field, "CURSOR_FORMAT");
    }

    private void assertManagerRefused(Map<String, Object> paging, String field, String rule) {
        GraphQlResponse response = as(Fixtures.ADMIN).document(MANAGERS).variables(new LinkedHashMap<>(paging)).execute()
                .returnResponse();
        assertRefused(response.getErrors(), field, rule);
    }

    private static void assertRefused(List<ResponseError> errors, String field, String rule) {
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getErrorType().toString()).as(e.getMessage()).isEqualTo("BAD_REQUEST");
            assertThat(e.getExtensions().get("field")).as(e.getMessage()).isEqualTo(field);
            assertThat(e.getExtensions().get("rule")).as(e.getMessage()).isEqualTo(rule);
        });
    }

    /** Seven customers created out of name order; returns their names. */
    private List<String> sevenCustomers(String prefix) {
        List<String> names = new ArrayList<>();
        for (String letter : new String[] {"d", "a", "g", "c", "f", "b", "e"}) {
            names.add(prefix + letter);
            fixtures.customer(prefix + letter, Fixtures.Tier.C, Region.URBAN);
        }
        return names;
    }

    private String createCustomer(String name, String industry, int employees, String revenue, String expectedTier) {
        return createCustomer(name, "ENTERPRISE", industry, "URBAN", employees, revenue, expectedTier);
    }

    private String createCustomer(String name, String type, String industry, String region, int employees, String revenue,
                                  String expectedTier) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("type", type);
        input.put("industry", industry);
        input.put("region", region);
        input.put("employees", employees);
        input.put("monthlyRevenue", new java.math.BigDecimal(revenue));
        GraphQlResponse response = as(Fixtures.ADMIN).document(CREATE_CUSTOMER).variable("input", input).execute().returnResponse();
        assertThat(response.getErrors()).isEmpty();
        assertThat(response.field("createCustomer.customer.tier").<String>getValue()).as(name).isEqualTo(expectedTier);
        return response.field("createCustomer.customer.id").getValue();
    }

    private String createManager(String branch, String employeeNo, String grade) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("employeeNo", employeeNo);
        input.put("name", "经理" + employeeNo);
        input.put("branchId", fixtures.branchId(branch));
        input.put("region", "URBAN");
        input.put("grade", grade);
        return as(Fixtures.HR).document(CREATE_MANAGER).variable("input", input).execute()
                .path("createManager.manager.id").entity(String.class).get();
    }

    /** A unique name prefix; the colon keeps "X-1:" from matching the names of "X-12:". */
    private String prefix(String letters) {
        return fixtures.unique(letters) + ":";
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
