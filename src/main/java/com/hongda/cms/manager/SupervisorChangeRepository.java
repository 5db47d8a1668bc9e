package com.hongda.cms.manager;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisorChangeRepository extends JpaRepository<SupervisorChange, Long> {

    List<SupervisorChange> findByManagerIdInOrderByChangedAtAscIdAsc(Collection<Long> managerIds);
}
