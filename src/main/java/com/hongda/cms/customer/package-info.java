/**
 * Customers (docs/rules.md#customer-tiers, #assignment, #contact-confidentiality): their profile,
 * confidential contacts, value tier decided by the {@code customer-tier} DMN table, and their
 * assignment to one customer manager at a time with the rules of grade, status and capacity and
 * the full assignment history.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager"})
package com.hongda.cms.customer;

import org.springframework.modulith.ApplicationModule;
