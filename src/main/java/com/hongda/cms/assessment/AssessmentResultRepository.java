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

    /** Confirmed, ranked results of the published annual reviews whose period starts between the dates. */
    @org.springframework.data.jpa.repository.Query("select r from AssessmentResult r, AssessmentRound o where o.id = r.roundId"
            + " and o.kind = com.hongda.cms.assessment.RoundKind.ANNUAL and o.state = com.hongda.cms.assessment.RoundState.PUBLISHED"
            + " and o.periodStart between :from and :to and r.state = com.hongda.cms.assessment.ResultState.CONFIRMED"
            + " and r.rankInGroup is not null and r.managerId in :managers order by o.periodStart desc, r.id")
    java.util.List<AssessmentResult> annualStandings(@org.springframework.data.repository.query.Param("from") java.time.LocalDate from,
            @org.springframework.data.repository.query.Param("to") java.time.LocalDate to,
            @org.springframework.data.repository.query.Param("managers") java.util.Collection<Long> managers);
}
