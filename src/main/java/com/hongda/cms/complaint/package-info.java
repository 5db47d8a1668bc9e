/**
 * Complaint handling (投诉处理, docs/rules.md#complaints): registration by the service desk or the
 * customer's manager, routing and SLAs by the {@code complaint-routing} table, first response and
 * resolution with warnings and escalation in three levels, compensation approval, the satisfaction
 * call-back with reopening, the consequences for a manager, the service desk's queue and the SLA and
 * satisfaction figures.
 *
 * <p>It reads customers (their tier, manager and contacts' confidentiality) through the customer
 * module's public services; what it tells others travels as events of the manager module
 * ({@code SubstantiatedComplaint}).
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager", "customer"})
package com.hongda.cms.complaint;

import org.springframework.modulith.ApplicationModule;
