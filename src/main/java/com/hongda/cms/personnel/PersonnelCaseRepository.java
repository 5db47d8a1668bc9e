package com.hongda.cms.personnel;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PersonnelCaseRepository extends JpaRepository<PersonnelCase, Long>, JpaSpecificationExecutor<PersonnelCase> {

    boolean existsByManagerIdAndKindAndState(long managerId, PersonnelKind kind, PersonnelState state);
}
