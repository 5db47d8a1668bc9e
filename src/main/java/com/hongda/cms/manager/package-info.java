/**
 * Customer managers (客户经理): who they are, their grade on the ladder of DOMAIN.md section 3,
 * their status, supervisor and the history of every grade change with the reason and the process
 * that decided it.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow"})
package com.hongda.cms.manager;

import org.springframework.modulith.ApplicationModule;
