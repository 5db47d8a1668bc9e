/**
 * Customer managers (客户经理): who they are, their grade on the ladder of docs/rules.md#grades,
 * their status, supervisor and the history of every grade change with the reason and the process
 * that decided it.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch"})
package com.hongda.cms.manager;

import org.springframework.modulith.ApplicationModule;
