package com.hongda.cms.visit;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisitScheduleRepository extends JpaRepository<VisitSchedule, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from VisitSchedule s where s.customerId = :id")
    Optional<VisitSchedule> findByIdForUpdate(@Param("id") Long customerId);

    /** Customers with a manager whose visit was due before {@code today} and who were not reminded for that due date; a range scan. */
    @Query("select s from VisitSchedule s where s.nextVisitDue < :today and s.managerId is not null"
            + " and (s.remindedFor is null or s.remindedFor <> s.nextVisitDue) order by s.nextVisitDue, s.customerId")
    List<VisitSchedule> unremindedOverdue(@Param("today") LocalDate today, Pageable page);

    /** Per manager, how many of their customers are overdue, in one statement. */
    @Query("select s.managerId, count(s) from VisitSchedule s where s.managerId in :managers and s.nextVisitDue < :today"
            + " group by s.managerId")
    List<Object[]> countOverdue(@Param("managers") Collection<Long> managerIds, @Param("today") LocalDate today);

    /**
     * The manager's customers assigned to them on or before {@code on}: customer id, tier, assignment day and the
     * last visit logged on or before {@code on} (by anyone; null for none), in one statement.
     */
    @Query("select s.customerId, c.tier, s.assignedOn, (select max(v.visitOn) from Visit v where v.customerId = s.customerId"
            + " and v.status = com.hongda.cms.visit.VisitStatus.LOGGED and v.visitOn <= :on)"
            + " from VisitSchedule s, com.hongda.cms.customer.Customer c where c.id = s.customerId and s.managerId = :manager"
            + " and s.assignedOn <= :on")
    List<Object[]> portfolioOn(@Param("manager") long managerId, @Param("on") LocalDate on);
}
