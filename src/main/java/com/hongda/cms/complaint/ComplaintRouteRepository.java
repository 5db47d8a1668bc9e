package com.hongda.cms.complaint;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ComplaintRouteRepository extends JpaRepository<ComplaintRoute, Long>, JpaSpecificationExecutor<ComplaintRoute> {

    java.util.List<ComplaintRoute> findByComplaintIdInOrderById(java.util.Collection<Long> complaintIds);
}
