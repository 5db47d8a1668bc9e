/**
 * Customer visits (拜访 / 走访, docs/rules.md#customer-visits): a manager plans and logs visits to their
 * customers with the follow-ups agreed; how often a customer of a tier must be visited is the
 * {@code visit-frequency} table's; every customer shows its last visit, when the next is due and whether it
 * is overdue; a daily sweep ({@code visit-reminders}) starts one reminder ({@code visit-reminder}) per
 * overdue customer and due date for its manager, which logging a visit completes; supervisors see overdue
 * counts per manager.
 *
 * <p>It reads customers and their managers through the customer and manager modules' public services and
 * keeps each customer's due date from their events ({@code customer.CustomerAssigned},
 * {@code customer.CustomerTierChanged}); how many of a manager's customers were overdue on a day,
 * {@link com.hongda.cms.visit.VisitSchedules#coverage}, is an input of the manager's assessment.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager", "customer"})
package com.hongda.cms.visit;

import org.springframework.modulith.ApplicationModule;
