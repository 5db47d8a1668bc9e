package com.hongda.cms.customer;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReassignmentItemRepository extends JpaRepository<ReassignmentItem, Long> {

    /** The items of these cases, in the order they were listed: one statement for a page of cases. */
    List<ReassignmentItem> findByReassignmentIdInOrderByIdAsc(Collection<Long> reassignmentIds);

    /**
     * The manager's customers of these tiers that no open case lists already, in one statement: those a
     * new case must list (a second demotion while a case is open adds only the others).
     */
    @Query("select c from Customer c where c.managerId = :manager and c.tier in :tiers and not exists ("
            + "select i.id from ReassignmentItem i, CustomerReassignment r where i.customerId = c.id and r.id = i.reassignmentId"
            + " and r.state = com.hongda.cms.customer.ReassignmentState.OPEN) order by c.name, c.id")
    List<Customer> unlisted(@Param("manager") long managerId, @Param("tiers") Collection<Tier> tiers);

    /** The same for chosen customers: those of them the manager still owns that no open case lists. */
    @Query("select c from Customer c where c.managerId = :manager and c.id in :customers and not exists ("
            + "select i.id from ReassignmentItem i, CustomerReassignment r where i.customerId = c.id and r.id = i.reassignmentId"
            + " and r.state = com.hongda.cms.customer.ReassignmentState.OPEN) order by c.name, c.id")
    List<Customer> unlistedOf(@Param("manager") long managerId, @Param("customers") Collection<Long> customerIds);

    /** How many of the case's customers are still with the manager it is about. */
    @Query("select count(i) from ReassignmentItem i, Customer c where i.reassignmentId = :reassignment and c.id = i.customerId"
            + " and c.managerId = :manager")
    long remaining(@Param("reassignment") long reassignmentId, @Param("manager") long managerId);
}
