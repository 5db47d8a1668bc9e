package com.hongda.cms.complaint;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ComplaintRepository extends JpaRepository<Complaint, Long>, JpaSpecificationExecutor<Complaint> {

    /** Locks the complaint's row: the desk's changes of one complaint (re-routing, linking) happen one after another. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select c from Complaint c where c.id = :id")
    java.util.Optional<Complaint> findByIdForUpdate(@org.springframework.data.repository.query.Param("id") Long id);
}
