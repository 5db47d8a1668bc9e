package com.hongda.cms.customer;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 客户信息保密: contacts in clear only for the assigned manager, their supervisor and authorised roles. */
class ContactConfidentialityTest extends IntegrationTest {

    private static final String QUERY = "query($id: ID!) { customer(id: $id) { contacts { name phone email } } }";

    private Customer customer;

    @BeforeEach
    void customerOfTheTestManager() {
        CustomerManager own = fixtures.managerOf(Fixtures.MANAGER, Grade.SENIOR);
        fixtures.managerOf(Fixtures.MANAGER2, Grade.SENIOR);
        customer = fixtures.customer(fixtures.unique("secret"), Fixtures.Tier.B2, Region.URBAN);
        fixtures.assign(customer, own);
    }

    @Test
    void assignedManagerSupervisorAndAuthorisedRolesSeeContactsInClear() {
        for (String user : new String[] {Fixtures.MANAGER, Fixtures.SUPERVISOR, Fixtures.SERVICE, Fixtures.AUDITOR, Fixtures.ADMIN}) {
            as(user).document(QUERY).variable("id", customer.getId().toString()).execute()
                    .path("customer.contacts[0].phone").entity(String.class).isEqualTo("13912345678")
                    .path("customer.contacts[0].email").entity(String.class).isEqualTo("boss@example.com");
        }
    }

    @Test
    void otherReadersSeeContactsMasked() {
        for (String user : new String[] {Fixtures.HR, Fixtures.COMMITTEE, Fixtures.SUPERVISOR2}) {
            as(user).document(QUERY).variable("id", customer.getId().toString()).execute()
                    .path("customer.contacts[0].name").entity(String.class).isEqualTo("联系人")
                    .path("customer.contacts[0].phone").entity(String.class).isEqualTo("139****5678")
                    .path("customer.contacts[0].email").entity(String.class).isEqualTo("b***@example.com");
        }
    }

    @Test
    void aManagerCannotReadAnotherManagersCustomer() {
        as(Fixtures.MANAGER2).document(QUERY).variable("id", customer.getId().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void aManagerListsOnlyTheirOwnCustomers() {
        as(Fixtures.MANAGER2).document("query($n: String!) { customers(filter: {nameContains: $n}) { totalCount } }")
                .variable("n", customer.getName()).execute()
                .path("customers.totalCount").entity(Integer.class).isEqualTo(0);
        as(Fixtures.MANAGER).document("query($n: String!) { customers(filter: {nameContains: $n}) { totalCount } }")
                .variable("n", customer.getName()).execute()
                .path("customers.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aManagersCountOfAnotherManagersCustomersFollowsTheRows() {
        String managerId = fixtures.managerOf(Fixtures.MANAGER, Grade.SENIOR).getId().toString();
        String query = "query($id: ID!) { manager(id: $id) { customers { id } customerCount } }";
        var other = as(Fixtures.MANAGER2).document(query).variable("id", managerId).execute();
        other.path("manager.customers").entityList(Object.class).hasSize(0);
        other.path("manager.customerCount").entity(Integer.class).isEqualTo(0);
        var own = as(Fixtures.MANAGER).document(query).variable("id", managerId).execute();
        int rows = own.path("manager.customers").entityList(Object.class).get().size();
        assertThat(rows).isPositive();
        own.path("manager.customerCount").entity(Integer.class).isEqualTo(rows);
    }

    @Test
    void aManagerMayEditOnlyTheirOwnCustomers() {
        String update = "mutation($id: ID!) { updateCustomer(input: {id: $id, employees: 42}) { customer { employees } } }";
        as(Fixtures.MANAGER2).document(update).variable("id", customer.getId().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        as(Fixtures.MANAGER).document(update).variable("id", customer.getId().toString()).execute()
                .path("updateCustomer.customer.employees").entity(Integer.class).isEqualTo(42);
    }
}
