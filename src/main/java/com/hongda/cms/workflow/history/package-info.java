/**
 * The auditors' view of the engine's history (docs/rules.md#audit): process instances, running
 * and finished, and for one instance its timeline, tasks with candidates and submitted values,
 * variable changes, DMN decisions, the user operation log and the diagram with the path taken.
 * Read-only: nothing here changes engine or domain state. Who may read it is {@link HistoryAccess}.
 */
package com.hongda.cms.workflow.history;
