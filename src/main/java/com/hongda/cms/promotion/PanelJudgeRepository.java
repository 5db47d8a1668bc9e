package com.hongda.cms.promotion;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PanelJudgeRepository extends JpaRepository<PanelJudge, Long>, JpaSpecificationExecutor<PanelJudge> {

    java.util.List<PanelJudge> findByCycleIdIn(java.util.Collection<Long> cycleIds);

    java.util.Optional<PanelJudge> findByCycleIdAndJudgeId(Long cycleId, String judgeId);

    boolean existsByCycleIdAndJudgeId(Long cycleId, String judgeId);
}
