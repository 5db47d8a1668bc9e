package com.hongda.cms.promotion;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ListAmendmentRepository extends JpaRepository<ListAmendment, Long>, JpaSpecificationExecutor<ListAmendment> {

    java.util.List<ListAmendment> findByCycleIdInOrderById(java.util.Collection<Long> cycleIds);
}
