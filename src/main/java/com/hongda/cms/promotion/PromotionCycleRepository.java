package com.hongda.cms.promotion;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PromotionCycleRepository extends JpaRepository<PromotionCycle, Long>, JpaSpecificationExecutor<PromotionCycle> {

    /** Locks the cycle's row: HR's amendments of one list are counted against the quota one after another. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select c from PromotionCycle c where c.id = :id")
    java.util.Optional<PromotionCycle> findByIdForUpdate(@org.springframework.data.repository.query.Param("id") Long id);
}
