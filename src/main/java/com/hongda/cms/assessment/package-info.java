/**
 * Assessment (考核): rounds that score every manager in scope — monthly, quarterly, the half-year skills
 * test and the annual comprehensive review — by a versioned scheme of weighted indicators in three
 * groups (docs/rules.md#assessment), and the annual rank within branch and grade that promotion and
 * demotion read. A round keeps the scheme it opened with. The customer-visits indicator is read from the visit
 * module when a result is scored.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager", "visit"})
package com.hongda.cms.assessment;

import org.springframework.modulith.ApplicationModule;
