package com.hongda.cms.customer;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id")
    Optional<Customer> findByIdForUpdate(@Param("id") Long id);

    long countByManagerId(Long managerId);

    List<Customer> findByManagerIdInOrderByNameAscIdAsc(Collection<Long> managerIds);

    /** Customers with their contacts, in one statement. */
    @Query("select distinct c from Customer c left join fetch c.contacts where c.id in :ids")
    List<Customer> findWithContacts(@Param("ids") Collection<Long> ids);

    /** Open-customer counts per manager, as rows of (managerId, count). */
    @Query("select c.managerId, count(c) from Customer c where c.managerId in :ids group by c.managerId")
    List<Object[]> countByManagers(@Param("ids") Collection<Long> ids);
}
