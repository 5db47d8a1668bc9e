/**
 * Branches (分公司 / 支行 / 营业部) as records: code, name, region, an optional parent (a branch may sit
 * under a regional company), an optional head holding SUPERVISOR, and the settings the rules let a
 * branch have — grade ratio targets with the SENIOR hard cap and customer capacities — each falling
 * back to the configured default (docs/rules.md#branches). Every change is kept with who and why.
 * Managers, applications and people refer to a branch by id.
 */
@ApplicationModule(allowedDependencies = {"common", "security"})
package com.hongda.cms.branch;

import org.springframework.modulith.ApplicationModule;
