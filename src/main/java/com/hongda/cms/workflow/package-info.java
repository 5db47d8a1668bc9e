/**
 * The workflow layer over the engine and the process kit every family is built with: the task inbox
 * through which approvers work every process, the history through which auditors reconstruct who
 * decided what, when and on which data, and the pieces a family's model uses.
 *
 * <h2>Adding a process family</h2>
 * A family is a module beside recruitment and probation with: a BPMN model (and its DMN tables) in
 * {@code bpmn/}; at most one aggregate (its case, e.g. an application), whose Java type implements
 * {@link com.hongda.cms.workflow.ProcessCase} and whose GraphQL type implements {@code Case}; its
 * domain-effect delegates; one schema file ({@code extend union Subject = …} if its case is a subject,
 * a {@link com.hongda.cms.workflow.NumericSubjects} resolver); one message bundle
 * ({@code messages-<family>.properties}, zh-CN and en); and one process test. It depends on common,
 * security, workflow, branch and manager only, never on another family (declared in its package-info and
 * checked by {@code ModuleStructureTest}) — except that a family may read another's published results
 * through its public service (promotion reads the annual ranking); what one family must tell another
 * travels as an event (see {@code manager.TraineeAppointed}, {@code manager.GradeChanged},
 * {@code manager.ExitReviewDue}).
 *
 * <h2>The kit</h2>
 * <ul>
 *   <li>{@link com.hongda.cms.workflow.CaseStarter}: start a process about a subject (business key
 *       {@code <CASE>-<id>}, variables {@value Subject#TYPE_VARIABLE} / {@value Subject#ID_VARIABLE});</li>
 *   <li>{@link com.hongda.cms.workflow.CaseSteps}: where any case stands, with incidents;
 *       {@link com.hongda.cms.workflow.Incidents}: stuck cases and their retry;</li>
 *   <li>{@code ${taskReminder}}: raise open tasks (inputs {@code priority}, {@code onlyOverdue});</li>
 *   <li>{@code ${recordDecider}}: who decided, in {@code decidedBy};</li>
 *   <li>{@code ${candidates.user(x)}} / {@code ${candidates.unless(x, 'ROLE')}}: a person, else a role;</li>
 *   <li>{@code ${workingDays.due(n)}}: due in n working days on the configured calendar;</li>
 *   <li>{@code ${scoringPanel…}}: a scoring panel (members, one task and one score each, the mean);</li>
 *   <li>form fields naming a person declare {@code personRole}; a multi-instance step keeps its values
 *       on its own task ({@code task.TaskCompletion});</li>
 *   <li>the one {@link java.time.Clock} ({@link com.hongda.cms.workflow.EngineClock}) for domain and engine.</li>
 * </ul>
 *
 * <h2>The delegate convention</h2>
 * A step that changes something (a service task, a task or execution listener) is one class
 * implementing {@code JavaDelegate} or {@code TaskListener}, a Spring bean named
 * {@code <family><Step>} (e.g. {@code recruitmentHire}), referenced in the model as
 * {@code camunda:delegateExpression="${recruitmentHire}"}; its Javadoc names the step. Kit beans are
 * named for what they do ({@code taskReminder}, {@code recordDecider}, {@code scoringPanel}). An
 * expression ({@code ${…}}) otherwise only computes a value: a due date, candidates, panel members,
 * a condition. Bean names must not equal a process variable's name: the engine resolves variables
 * first. Steps run in the engine's transaction: domain rows and process state commit together, and
 * what may fail or call out is {@code camunda:asyncBefore}, so a failure becomes a retried job and,
 * at last, an incident.
 *
 * <h2>Where a model has a job boundary</h2>
 * An asynchronous continuation stays only where it protects something: a step that may fail for a
 * cause no one at the inbox can fix, or long work (a retried job, then an incident for an operator);
 * the completions of a panel or the branches of a parallel join, which people make at the same
 * moment ({@code asyncAfter} on the multi-instance, {@code asyncBefore} on the join); what follows a
 * timer that runs beside people's work on the same tasks. A local, deterministic step after a
 * person's task (or after the start, or right after another boundary) has none: it runs in that
 * transaction, so the answer to the person already shows its result (the inbox answers the next
 * task and the case's steps), and its refusal rolls the person's completion back and is answered to them.
 */
@ApplicationModule(allowedDependencies = {"common", "security"})
package com.hongda.cms.workflow;

import org.springframework.modulith.ApplicationModule;
