package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.TestFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.http.MediaType;

/**
 * Every limit of {@code cms.graphql} (and the page-size cap) refuses a request over real HTTP,
 * quickly, with a BAD_REQUEST naming the limit, and before a single field is fetched: the
 * test-only {@code probe} field counts its fetches, and refused mutations write nothing.
 */
class GraphQlLimitsTest extends IntegrationTest {

    private static final String CREATE = "createCustomer(input: {name: \"%s\", type: ENTERPRISE, industry: OTHER,"
            + " region: URBAN, employees: 1, monthlyRevenue: 1})";

    @Autowired
    TestFields fields;

    @Autowired
    GraphQlLimitsProperties limits;

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(limits).isEqualTo(new GraphQlLimitsProperties(50_000, 15_000, 12, 6_000, 5, 20, 50));
    }

    @Test
    void queryAtTheDepthLimitRuns() {
        int probes = fields.probes();
        as(Fixtures.ADMIN).document("{ probe " + nested(12, "customers(first: 1)") + " }").execute().errors().verify();
        assertThat(fields.probes()).as("fields fetched").isEqualTo(probes + 1);
    }

    @Test
    void tooDeepQueryIsRefusedBeforeAnyFieldIsFetched() {
        ResponseError error = refused("{ probe " + nested(13, "customers(first: 1)") + " }", "MAX_DEPTH");
        assertThat(error.getMessage()).isEqualTo("The query nests fields 13 levels deep; at most 12 are allowed");
        assertThat(error.getExtensions()).containsEntry("limit", 12);
    }

    @Test
    void tooDeepMutationWritesNothing() {
        String name = fixtures.unique("deep");
        refused("mutation { " + CREATE.formatted(name) + " { customer { " + nested(12, "manager") + " } } }", "MAX_DEPTH");
        assertThat(customersNamed(name)).isZero();
    }

    @Test
    void tooComplexQueryIsRefusedBeforeAnyFieldIsFetched() {
        // probe 1 + 100 customers, each 74 with contacts four times and assignments (5 assumed each):
        // 1 + 1 + 100 * (3 + 4 * 16 + 7).
        ResponseError error = refused("""
                { probe customers(first: 100) { nodes { id name tier contacts { name phone email } assignments { assignedBy }
                  c2: contacts { name phone email } c3: contacts { name phone email } c4: contacts { name phone email } } } }
                """, "MAX_COMPLEXITY");
        assertThat(error.getMessage()).startsWith("The estimated complexity of the query is 7402, above the limit of 6000");
    }

    @Test
    void aDocumentParsedOnceIsStillMeasuredAgainstEachRequestsVariables() {
        // The same text twice: the second is served parsed and validated from DocumentCache, and
        // its complexity (which depends on $n) is estimated anew.
        String document = """
                query($n: Int!) { probe customers(first: $n) { nodes { id name tier contacts { name phone email } assignments { assignedBy }
                  c2: contacts { name phone email } c3: contacts { name phone email } c4: contacts { name phone email } } } }
                """;
        as(Fixtures.ADMIN, "en").document(document).variable("n", 10).execute().errors().verify();
        int probes = fields.probes();
        java.util.List<ResponseError> errors = as(Fixtures.ADMIN, "en").document(document).variable("n", 100).execute()
                .returnResponse().getErrors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("rule", "MAX_COMPLEXITY");
            assertThat(e.getMessage()).startsWith("The estimated complexity of the query is 7402");
        });
        assertThat(fields.probes()).as("fields fetched").isEqualTo(probes);
    }

    @Test
    void smallerPageOfTheSameQueryRuns() {
        as(Fixtures.ADMIN).document("""
                { customers(first: 50) { nodes { id name tier contacts { name phone email } assignments { assignedBy } } } }
                """).execute().errors().verify();
    }

    @Test
    void tooComplexMutationWritesNothing() {
        String name = fixtures.unique("wide");
        // Lists of lists: 5 x 5 x 5 customers (5 assumed for each), each with four lists of contacts.
        refused("mutation { " + CREATE.formatted(name) + """
                 { customer { manager { customers { manager { customers { manager { customers { id name tier
                  contacts { name phone email } assignments { assignedBy } c2: contacts { name phone email }
                  c3: contacts { name phone email } c4: contacts { name phone email } } } } } } } } } }
                """, "MAX_COMPLEXITY");
        assertThat(customersNamed(name)).isZero();
    }

    @Test
    void aThousandAliasesOfOneLookupAreRefusedBeforeAnyIsFetched() {
        StringBuilder aliases = new StringBuilder("{ probe");
        for (int i = 0; i < 1_000; i++) {
            aliases.append(" a").append(i).append(": customer(id: \"1\") { id }");
        }
        ResponseError error = refused(aliases.append(" }").toString(), "MAX_ROOT_FIELDS");
        assertThat(error.getMessage()).isEqualTo("The query selects 1001 top-level fields; at most 20 are allowed per request, so split it");
        assertThat(error.getExtensions()).containsEntry("limit", 20);
    }

    @Test
    void aliasesAreCountedWhereverTheyAreAndWhereverAFragmentIsSpread() {
        // 3 top-level fields, but 3 x 20 aliases through a fragment spread three times.
        StringBuilder fragment = new StringBuilder("fragment F on Customer {");
        for (int i = 0; i < 20; i++) {
            fragment.append(" n").append(i).append(": name");
        }
        ResponseError error = refused("""
                { probe c1: customers(first: 1) { nodes { ...F } } c2: customers(first: 1) { nodes { ...F } }
                  c3: customers(first: 1) { nodes { ...F } } }
                """ + fragment + " }", "MAX_ALIASES");
        assertThat(error.getMessage()).isEqualTo("The query uses 63 aliases; at most 50 are allowed");
    }

    @Test
    void topLevelFieldsReachedThroughFragmentsCount() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            fields.append(" m").append(i).append(": me { id }");
        }
        refused("{ probe ...R } fragment R on Query {" + fields + " }", "MAX_ROOT_FIELDS");
    }

    @Test
    void twentyTopLevelFieldsAndFiftyAliasesRun() {
        StringBuilder document = new StringBuilder("{ probe");
        for (int i = 0; i < 19; i++) {
            document.append(" m").append(i).append(": me { id")
                    .append(i < 15 ? " i1: id i2: name" : i == 15 ? " i1: id" : "").append(" }");
        }
        as(Fixtures.ADMIN).document(document.append(" }").toString()).execute().errors().verify();
    }

    @Test
    void documentOverTheCharacterLimitIsRefusedUnparsed() {
        String name = "x".repeat(70_000);
        ResponseError error = refused("mutation { " + CREATE.formatted(name) + " { customer { id } } }", "MAX_CHARACTERS");
        assertThat(error.getMessage()).startsWith("The query document has 70").endsWith("at most 50000 are allowed");
        assertThat(customersNamed(name.substring(0, 100) + "%")).isZero();
    }

    @Test
    void documentOverTheTokenLimitIsRefusedByTheParser() {
        String ids = " id".repeat(15_000);
        assertThat(ids.length()).isLessThan(limits.maxCharacters());
        ResponseError error = refused("{ probe me {" + ids + " } }", "MAX_TOKENS");
        assertThat(error.getMessage()).isEqualTo("The query document has more than the limit of 15000 tokens");
        assertThat(error.getExtensions()).containsEntry("limit", 15_000);
    }

    @Test
    void absurdlyNestedDocumentIsRefusedByTheParser() {
        ResponseError error = refused("{ probe enumLabels(types: " + "[".repeat(5_000) + "\"Grade\"" + "]".repeat(5_000)
                + ") { code } }", "SYNTAX");
        assertThat(error.getMessage()).startsWith("Syntax error in the query document");
    }

    @Test
    void absurdlyNestedVariablesAreAClientErrorNotAServerError() {
        String body = "{\"query\":\"query($t: [String!]) { enumLabels(types: $t) { code } }\",\"variables\":{\"t\":"
                + "[".repeat(5_000) + "\"Grade\"" + "]".repeat(5_000) + "}}";
        client(Fixtures.ADMIN, null).post().contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void longStringVariableIsRefusedByValidation() {
        String name = "x".repeat(70_000);
        as(Fixtures.ADMIN).document("mutation($n: String!) { createCustomer(input: {name: $n, type: ENTERPRISE,"
                        + " industry: OTHER, region: URBAN, employees: 1, monthlyRevenue: 1}) { customer { id } } }")
                .variable("n", name).execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("field", "input.name");
                }));
    }

    @Test
    void pageSizeIsCapped() {
        for (String document : List.of("{ customers(first: 101) { totalCount } }", "{ managers(last: 101) { totalCount } }")) {
            as(Fixtures.ADMIN).document(document).execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getExtensions()).containsEntry("rule", "PAGE_SIZE");
                    }));
        }
    }

    @Test
    void refusalIsHttp400ForGraphQlResponseJsonClients() {
        client(Fixtures.ADMIN, null).post().contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/graphql-response+json"))
                .bodyValue(Map.of("query", "{ " + nested(13, "customers(first: 1)") + " }"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].extensions.rule").isEqualTo("MAX_DEPTH");
    }

    @Test
    void messagesAreInChineseByDefault() {
        as(Fixtures.ADMIN).document("{ " + nested(13, "customers(first: 1)") + " }").execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e ->
                        assertThat(e.getMessage()).isEqualTo("查询嵌套 13 层，超过上限 12 层")));
    }

    /**
     * Alternating customers and their manager, {@code depth} levels of fields in all:
     * {@code top { nodes { manager { customers { ... id } } } } }.
     */
    private static String nested(int depth, String top) {
        StringBuilder open = new StringBuilder(top.startsWith("customers") ? top + " { nodes {" : top + " {");
        int level = top.startsWith("customers") ? 2 : 1;
        int closing = level;
        boolean manager = top.startsWith("customers");
        while (level < depth - 1) {
            open.append(manager ? " manager {" : " customers {");
            manager = !manager;
            level++;
            closing++;
        }
        return open + " id" + " }".repeat(closing);
    }

    private ResponseError refused(String document, String rule) {
        int probes = fields.probes();
        long start = System.nanoTime();
        List<ResponseError> errors = new ArrayList<>();
        as(Fixtures.ADMIN, "en").document(document).execute().errors().satisfy(errors::addAll);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered in").isLessThan(Duration.ofSeconds(5));
        assertThat(fields.probes()).as("fields fetched").isEqualTo(probes);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(e.getExtensions()).containsEntry("rule", rule);
        });
        return errors.get(0);
    }

    private long customersNamed(String pattern) {
        return fixtures.jdbc().queryForObject("select count(*) from customer where name like ?", Long.class, pattern);
    }
}
