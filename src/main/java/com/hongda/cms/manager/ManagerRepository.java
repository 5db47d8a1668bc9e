package com.hongda.cms.manager;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ManagerRepository extends JpaRepository<CustomerManager, Long> {

    boolean existsByEmployeeNo(String employeeNo);

    boolean existsByUserId(String userId);

    Optional<CustomerManager> findByUserId(String userId);

    /**
     * The managers of a branch supervised by {@code supervisor}, or by nobody when it is null: those
     * who follow a new branch head. Those who left keep their history as it was.
     */
    @Query("select m from CustomerManager m where m.branchId = :branch and m.status <> com.hongda.cms.manager.ManagerStatus.LEFT"
            + " and (m.supervisorUserId = :supervisor or m.supervisorUserId is null)")
    java.util.List<CustomerManager> findFollowersOfHead(@Param("branch") long branchId, @Param("supervisor") String supervisor);

    /** Managers per grade and status in each of these branches: the branches' head counts. */
    @Query("select m.branchId, m.grade, m.status, count(m) from CustomerManager m where m.branchId in :branches"
            + " group by m.branchId, m.grade, m.status")
    java.util.List<Object[]> countByBranchGradeStatus(@Param("branches") java.util.Collection<Long> branchIds);

    /** The managers of these branches in one status. */
    java.util.List<CustomerManager> findByBranchIdInAndStatus(java.util.Collection<Long> branchIds, ManagerStatus status);

    /** Locks the row so that concurrent assignments to one manager are counted one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from CustomerManager m where m.id = :id")
    Optional<CustomerManager> findByIdForUpdate(@Param("id") Long id);

    /** The graded managers (JUNIOR and above) of a branch who have not left, by id. */
    @Query("select m from CustomerManager m where m.branchId = :branch and m.status <> com.hongda.cms.manager.ManagerStatus.LEFT"
            + " and m.grade <> com.hongda.cms.manager.Grade.TRAINEE order by m.id")
    java.util.List<CustomerManager> findGradedIn(@Param("branch") long branchId);
}
