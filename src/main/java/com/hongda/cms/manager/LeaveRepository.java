package com.hongda.cms.manager;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeaveRepository extends JpaRepository<Leave, Long> {

    List<Leave> findByManagerIdInOrderByStartsOnAscIdAsc(Collection<Long> managerIds);

    /** Whether a recorded leave of the manager shares a day with {@code from}–{@code to}. */
    boolean existsByManagerIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqual(Long managerId, LocalDate to, LocalDate from);
}
