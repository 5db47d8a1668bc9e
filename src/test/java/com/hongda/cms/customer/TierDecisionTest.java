package com.hongda.cms.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The customer-tier decision table, case by case, and its use when profiles change. */
class TierDecisionTest extends IntegrationTest {

    @Autowired
    TierClassifier classifier;

    @Autowired
    HistoryService historyService;

    @ParameterizedTest(name = "{0} {1} employees, {2} yuan/month -> {3}")
    @CsvSource({
            "OTHER,         10,  500000, A1",
            "ENERGY,      2000,  200000, A1",
            "MANUFACTURING, 1999, 200000, A2",
            "GOVERNMENT,   100,       0, A2",
            "MEDIA,        150,    5000, A2",
            "GOVERNMENT,    99,       0, C",
            "OTHER,         10,  200000, A2",
            "OTHER,         10,  199999.99, B1",
            "OTHER,         10,   50000, B1",
            "OTHER,        500,       0, B1",
            "OTHER,        499,   49999, B2",
            "OTHER,         10,   10000, B2",
            "OTHER,        100,       0, B2",
            "OTHER,         99,    9999, C",
            "OTHER,          0,       0, C",
    })
    void decidesTierFromProfile(Industry industry, int employees, String revenue, Tier expected) {
        CustomerProfile profile = new CustomerProfile("x", CustomerType.ENTERPRISE, industry, Region.URBAN, employees,
                new BigDecimal(revenue), List.of());
        assertThat(classifier.classify(profile)).isEqualTo(expected);
    }

    @Test
    void changingTheProfileDecidesTheTierAgainAndTheDecisionIsOnRecord() {
        // Later than any clock another test sets (and before 2038, the end of MySQL's timestamp columns), so that this test's decisions are the latest evaluated.
        com.hongda.cms.support.ProcessDriver.at(java.time.Instant.parse("2037-06-01T02:00:00Z"));
        try {
            decideTwice();
        } finally {
            com.hongda.cms.support.ProcessDriver.resetClock();
        }
    }

    private void decideTwice() {
        long before = historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("customer-tier").count();
        GraphQlTester.Response created = as(Fixtures.SUPERVISOR).document("""
                mutation { createCustomer(input: {name: "升级客户", type: ENTERPRISE, industry: OTHER, region: URBAN,
                  employees: 20, monthlyRevenue: 5000}) { customer { id tier version } } }""").execute();
        created.path("createCustomer.customer.tier").entity(String.class).isEqualTo("C");
        String id = created.path("createCustomer.customer.id").entity(String.class).get();
        com.hongda.cms.support.ProcessDriver.at(java.time.Instant.parse("2037-06-01T02:01:00Z"));

        as(Fixtures.SUPERVISOR).document("""
                mutation($id: ID!) { updateCustomer(input: {id: $id, monthlyRevenue: 650000}) { customer { tier monthlyRevenue name } } }""")
                .variable("id", id).execute()
                .path("updateCustomer.customer.tier").entity(String.class).isEqualTo("A1")
                .path("updateCustomer.customer.name").entity(String.class).isEqualTo("升级客户");

        List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("customer-tier").includeInputs().includeOutputs()
                .orderByEvaluationTime().desc().listPage(0, 1);
        assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("customer-tier").count())
                .isEqualTo(before + 2);
        HistoricDecisionInstance last = decisions.get(0);
        assertThat(last.getOutputs()).singleElement().satisfies(o -> assertThat(o.getValue()).isEqualTo("A1"));
        assertThat(last.getInputs()).anySatisfy(i -> assertThat(i.getValue()).isEqualTo(650000.0));
    }
}
