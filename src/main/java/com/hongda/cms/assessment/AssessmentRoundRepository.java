package com.hongda.cms.assessment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AssessmentRoundRepository extends JpaRepository<AssessmentRound, Long>, JpaSpecificationExecutor<AssessmentRound> {
}
