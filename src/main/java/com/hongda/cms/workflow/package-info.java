/**
 * The generic workflow layer over the engine: the task inbox through which approvers work every
 * process, and the history through which auditors reconstruct who decided what, when and on which
 * data. Process modules add only their BPMN models and domain logic.
 *
 * <p>Convention for every process: the process variables {@value Subject#TYPE_VARIABLE} and
 * {@value Subject#ID_VARIABLE} name the domain object an instance is about (a manager, a customer,
 * an application, a complaint), so tasks and history can be filtered by it and show it.
 */
@ApplicationModule(allowedDependencies = {"common", "security"})
package com.hongda.cms.workflow;

import org.springframework.modulith.ApplicationModule;
