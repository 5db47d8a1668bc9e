/**
 * Customers (docs/rules.md#customer-tiers, #assignment, #contact-confidentiality, #customer-reassignment):
 * their profile, confidential contacts, value tier decided by the {@code customer-tier} DMN table, their
 * assignment to one customer manager at a time with the rules of grade, status and capacity and the full
 * assignment history, and the reassignment cases that hand a demoted manager's customers to others
 * through their supervisor's task ({@code customer-reassignment}, {@link com.hongda.cms.customer.Reassignments}).
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager"})
package com.hongda.cms.customer;

import org.springframework.modulith.ApplicationModule;
