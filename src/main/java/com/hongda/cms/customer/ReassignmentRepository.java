package com.hongda.cms.customer;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReassignmentRepository extends JpaRepository<CustomerReassignment, Long>, JpaSpecificationExecutor<CustomerReassignment> {

    /** Locks the case until the transaction ends, so that two reassignments of one case run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from CustomerReassignment r where r.id = :id")
    Optional<CustomerReassignment> findByIdForUpdate(@Param("id") Long id);
}
