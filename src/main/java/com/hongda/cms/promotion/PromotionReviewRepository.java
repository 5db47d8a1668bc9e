package com.hongda.cms.promotion;

import com.hongda.cms.manager.Grade;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PromotionReviewRepository extends JpaRepository<PromotionReview, Long>, JpaSpecificationExecutor<PromotionReview> {

    List<PromotionReview> findByCycleIdOrderById(Long cycleId);

    List<PromotionReview> findByCycleIdAndStateOrderById(Long cycleId, ReviewState state);

    List<PromotionReview> findByCycleIdAndTargetGradeAndStateOrderById(Long cycleId, Grade targetGrade, ReviewState state);

    Optional<PromotionReview> findByProcessInstanceId(String processInstanceId);

    long countByCycleIdAndStateIn(Long cycleId, Collection<ReviewState> states);

    long countByCycleIdAndTargetGradeAndProposedTrue(Long cycleId, Grade targetGrade);

    /** Which of these managers were demoted by the published cycle of a year (two years in a row asks for the last one). */
    @Query("select r.managerId from PromotionReview r, PromotionCycle c where c.id = r.cycleId and c.year = :year"
            + " and r.outcome = com.hongda.cms.promotion.Outcome.DEMOTED and r.managerId in :managers")
    List<Long> demotedIn(@Param("year") int year, @Param("managers") Collection<Long> managers);
}
