package com.hongda.cms.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface RoleChangeRepository extends JpaRepository<RoleChange, Long>, JpaSpecificationExecutor<RoleChange> {
}
