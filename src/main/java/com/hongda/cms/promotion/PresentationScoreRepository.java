package com.hongda.cms.promotion;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PresentationScoreRepository extends JpaRepository<PresentationScore, Long> {

    List<PresentationScore> findByCycleIdAndJudgeId(Long cycleId, String judgeId);

    List<PresentationScore> findByCycleId(Long cycleId);

    List<PresentationScore> findByReviewIdInOrderById(Collection<Long> reviewIds);
}
