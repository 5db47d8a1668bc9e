package com.hongda.cms.manager;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GradeChangeRepository extends JpaRepository<GradeChange, Long> {

    List<GradeChange> findByManagerIdInOrderByChangedAtAscIdAsc(Collection<Long> managerIds);
}
