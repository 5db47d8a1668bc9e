package com.hongda.cms.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssessmentResultRepository extends JpaRepository<AssessmentResult, Long>, JpaSpecificationExecutor<AssessmentResult> {

    /** Results of each of these rounds per state, for their progress: one statement for a page of rounds. */
    @Query("select r.roundId, r.state, count(r) from AssessmentResult r where r.roundId in :rounds group by r.roundId, r.state")
    List<Object[]> countByState(@Param("rounds") java.util.Collection<Long> roundIds);
}
