package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No N+1: the number of SQL statements a list query sends, counted at the DataSource (JPA and the
 * engine alike), is the same for a page of 2 and a page of 12, with every association selected.
 */
class StatementCountTest extends IntegrationTest {

    private static final String CUSTOMERS = """
            query($branch: String!, $n: Int!) { customers(first: $n, filter: {nameContains: $branch}) {
              totalCount pageInfo { hasNextPage endCursor }
              nodes { id name tier contacts { name phone email }
                assignments { assignedBy manager { id name } }
                manager { id name grade supervisor { id name } gradeHistory { toGrade reason } customerCount } } } }
            """;
    private static final String MANAGERS = """
            query($branchId: ID!, $n: Int!) { managers(first: $n, filter: {branchId: $branchId}) {
              totalCount nodes { id name supervisor { name } gradeHistory { toGrade } customerCount capacity
                customers { id name contacts { phone } manager { id } } } } }
            """;

    @Autowired
    StatementCounter counter;

    private String branch;

    @BeforeEach
    void data() {
        branch = fixtures.unique("n1-");
        for (int i = 0; i < 12; i++) {
            CustomerManager m = fixtures.manager(branch, Region.URBAN, Grade.SENIOR);
            Customer c = fixtures.customer(branch + "-c" + i, Fixtures.Tier.B1, Region.URBAN);
            fixtures.assign(c, m);
        }
    }

    @Test
    void customerListSendsTheSameStatementsForAnyPageSize() {
        long small = count(CUSTOMERS, 2);
        long large = count(CUSTOMERS, 12);
        assertThat(small).as("statements are counted at all").isPositive();
        assertThat(large).isEqualTo(small);
    }

    @Test
    void managerListSendsTheSameStatementsForAnyPageSize() {
        long small = count(MANAGERS, 2);
        long large = count(MANAGERS, 12);
        assertThat(small).as("statements are counted at all").isPositive();
        assertThat(large).isEqualTo(small);
    }

    private long count(String document, int pageSize) {
        // Warm up once so that one-time work (engine caches, schema) is not counted.
        as(Fixtures.ADMIN).document(document).variable("branch", branch).variable("branchId", fixtures.branchId(branch)).variable("n", pageSize).execute().errors().verify();
        counter.reset();
        as(Fixtures.ADMIN).document(document).variable("branch", branch).variable("branchId", fixtures.branchId(branch)).variable("n", pageSize).execute()
                .errors().verify()
                .path(document.contains("customers(first") && !document.contains("managers(") ? "customers.nodes" : "managers.nodes")
                .entityList(Object.class).hasSize(pageSize);
        return counter.count();
    }
}
