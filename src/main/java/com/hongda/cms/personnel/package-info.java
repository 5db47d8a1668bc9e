/**
 * Personnel decisions (人事决定) about a customer manager, each a case decided in a short process of its
 * own (docs/rules.md#personnel-decisions): a misconduct report decided by HR (demote, suspend, dismiss
 * or no action), an exit review when a manager was demoted twice or failed the skills test (counsel
 * out, transfer or dismiss), and an exceptional promotion approved by a second committee member and
 * by HR. The effect goes through the manager module, so it stands in the manager's history with the
 * process and the decider. Models {@code bpmn/personnel-*.bpmn}.
 */
@ApplicationModule(allowedDependencies = {"common", "security", "workflow", "branch", "manager"})
package com.hongda.cms.personnel;

import org.springframework.modulith.ApplicationModule;
