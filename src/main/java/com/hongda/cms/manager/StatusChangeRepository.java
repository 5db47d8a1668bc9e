package com.hongda.cms.manager;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StatusChangeRepository extends JpaRepository<StatusChange, Long> {

    List<StatusChange> findByManagerIdInOrderByChangedAtAscIdAsc(Collection<Long> managerIds);
}
