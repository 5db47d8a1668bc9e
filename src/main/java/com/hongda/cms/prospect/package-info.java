/**
 * Prospects (潜在客户 / 准客户, docs/rules.md#prospects): prospective customers a manager follows up, each
 * with a follow-up class whose days (the {@code prospect-follow-up} table) set the deadline for a result;
 * the follow-ups; the result, WON (an ordinary customer created and assigned to the manager through the
 * customer module's services, under its assignment rules) or LOST with a reason; and the process
 * ({@code bpmn/prospect-follow-up.bpmn}) that, past the deadline, lets the manager's sales lead extend
 * the deadline once or move the prospect to another manager.
 *
 * <p>It reads and creates customers only through the customer module's public services
 * ({@code CustomerService}, {@code AssignmentService}) and masks contacts with its one masking rule
 * ({@code Contact.mask}).
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager", "customer"})
package com.hongda.cms.prospect;

import org.springframework.modulith.ApplicationModule;
