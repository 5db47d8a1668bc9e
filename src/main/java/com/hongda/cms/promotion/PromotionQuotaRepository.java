package com.hongda.cms.promotion;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PromotionQuotaRepository extends JpaRepository<PromotionQuota, Long>, JpaSpecificationExecutor<PromotionQuota> {

    java.util.List<PromotionQuota> findByCycleIdIn(java.util.Collection<Long> cycleIds);
}
