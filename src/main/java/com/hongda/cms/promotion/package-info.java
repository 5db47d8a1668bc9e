/**
 * Promotion (晋级) and competitive evaluation panels (竞聘评审), with the demotion that runs through the
 * same panels (docs/rules.md#promotion): once a year per branch the committee opens a cycle; the
 * quotas follow from the grade ratio targets and the head counts; every graded manager of the branch
 * is reviewed by the {@code promotion-eligibility} table from the year's annual ranking; eligible and
 * re-competing managers apply, the committee checks, the supervisor evaluates, a panel of judges
 * scores the presentations, the candidates are ranked per target grade, HR approves the list and the
 * grades change at once.
 *
 * <p>It reads the annual ranking the assessment module publishes (its public service), and depends on
 * no other family; what it tells others travels as events of the manager module (a grade change, an
 * exit review due).
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager", "assessment"})
package com.hongda.cms.promotion;

import org.springframework.modulith.ApplicationModule;
