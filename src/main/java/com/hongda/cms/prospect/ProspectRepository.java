package com.hongda.cms.prospect;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProspectRepository extends JpaRepository<Prospect, Long>, JpaSpecificationExecutor<Prospect> {

    /** Locks the prospect's row: a result, a follow-up and the lead's decision on one prospect happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Prospect p where p.id = :id")
    Optional<Prospect> findByIdForUpdate(@Param("id") Long id);

    /** Prospects with their contacts, in one statement. */
    @Query("select distinct p from Prospect p left join fetch p.contacts where p.id in :ids")
    List<Prospect> findWithContacts(@Param("ids") Collection<Long> ids);
}
