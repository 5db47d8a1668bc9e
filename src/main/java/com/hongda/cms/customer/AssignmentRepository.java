package com.hongda.cms.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    Optional<Assignment> findFirstByCustomerIdAndEndedAtIsNull(Long customerId);

    /** The current assignments of these customers. */
    List<Assignment> findByCustomerIdInAndEndedAtIsNull(Collection<Long> customerIds);

    List<Assignment> findByCustomerIdInOrderByAssignedAtAscIdAsc(Collection<Long> customerIds);
}
