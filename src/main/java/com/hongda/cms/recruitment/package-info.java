/**
 * Recruitment review (招聘 / 选拔 + 资格认定), docs/rules.md#recruitment: an application, the automatic
 * check against the basic qualification, HR's qualification review, the five-part assessment with
 * several interviewers, the composite against the pass mark, HR's final approval, and on approval
 * the new TRAINEE manager and the start of probation. Model {@code bpmn/recruitment-review.bpmn}.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager"})
package com.hongda.cms.recruitment;

import org.springframework.modulith.ApplicationModule;
