package com.hongda.cms.branch;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BranchChangeRepository extends JpaRepository<BranchChange, Long> {

    List<BranchChange> findByBranchIdInOrderByIdAsc(Collection<Long> branchIds);
}
