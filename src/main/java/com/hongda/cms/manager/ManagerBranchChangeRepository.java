package com.hongda.cms.manager;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ManagerBranchChangeRepository extends JpaRepository<ManagerBranchChange, Long> {

    List<ManagerBranchChange> findByManagerIdInOrderByChangedAtAscIdAsc(Collection<Long> managerIds);
}
