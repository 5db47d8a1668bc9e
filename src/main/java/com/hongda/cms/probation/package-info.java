/**
 * Probation (见习期): a new TRAINEE's trial period, evaluated by the supervisor, self-summarised by
 * the trainee and closed by a skill certification; passing makes the trainee a JUNIOR manager.
 * docs/rules.md#probation; model {@code bpmn/probation.bpmn}.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager"})
package com.hongda.cms.probation;

import org.springframework.modulith.ApplicationModule;
