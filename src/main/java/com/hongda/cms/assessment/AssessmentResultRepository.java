package com.hongda.cms.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssessmentResultRepository extends JpaRepository<AssessmentResult, Long>, JpaSpecificationExecutor<AssessmentResult> {

    /** Results of a round per state, for its progress. */
    @Query("select r.state, count(r) from AssessmentResult r where r.roundId = :round group by r.state")
    List<Object[]> countByState(@Param("round") long roundId);
}
