/**
 * Demo users and data for the embedded default profile only: a newcomer can log in as any role
 * and find managers of each grade and customers of each tier. Never active in other profiles.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "branch", "manager", "customer", "visit", "prospect"})
package com.hongda.cms.demo;

import org.springframework.modulith.ApplicationModule;
