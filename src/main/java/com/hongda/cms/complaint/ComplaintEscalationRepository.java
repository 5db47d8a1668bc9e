package com.hongda.cms.complaint;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ComplaintEscalationRepository extends JpaRepository<ComplaintEscalation, Long>, JpaSpecificationExecutor<ComplaintEscalation> {

    java.util.List<ComplaintEscalation> findByComplaintIdInOrderById(java.util.Collection<Long> complaintIds);
}
