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

    /** Locks the row so that concurrent assignments to one manager are counted one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from CustomerManager m where m.id = :id")
    Optional<CustomerManager> findByIdForUpdate(@Param("id") Long id);
}
