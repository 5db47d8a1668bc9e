package com.hongda.cms.probation;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the variables of the {@code probation} process, besides the subject
 * ({@code subjectType}/{@code subjectId}). Form fields of the user tasks use the same names.
 */
public final class ProbationVariables {

    /** The trainee's manager id (Long). */
    public static final String MANAGER_ID = "managerId";
    /** Login of the supervisor who evaluates; null when the trainee has none (then any SUPERVISOR may). */
    public static final String SUPERVISOR_ID = "supervisorId";
    /** Login of the trainee who writes the self-summary; null when they have none (then HR enters it). */
    public static final String TRAINEE_USER_ID = "traineeUserId";

    /** Start and end of the current period (java.util.Date); the end moves with an extension. */
    public static final String PERIOD_START = "probationStart";
    public static final String PERIOD_END = "probationEnd";
    /** When the evaluation, self-summary and certification tasks open (timer date). */
    public static final String EVALUATION_OPENS_AT = "evaluationOpensAt";
    /** When still-open tasks are reminded (timer date). */
    public static final String REMINDER_AT = "reminderAt";

    /** The terms the instance started with, as ISO-8601 periods, so a later configuration change does not alter them. */
    public static final String LENGTH = "probationLength";
    public static final String EXTENSION = "extensionLength";
    public static final String EVALUATION_OPENS_BEFORE_END = "evaluationOpensBeforeEnd";
    public static final String REMINDER_BEFORE_END = "reminderBeforeEnd";
    /** Priority a reminded task is raised to (Integer). */
    public static final String REMINDER_PRIORITY = "reminderPriority";

    /** Whether the one extension has been used (Boolean). */
    public static final String EXTENDED = "extended";

    /** Supervisor's evaluation form: five scores 0–100 (Long) and a written summary. */
    public static final String[] CRITERIA = {"workAttitude", "businessKnowledge", "customerService", "communication", "discipline"};
    public static final String EVALUATION_SUMMARY = "evaluationSummary";
    /** Mean of the five scores (Double), computed by the process; input of the {@code probation-outcome} decision. */
    public static final String EVALUATION_AVERAGE = "evaluationAverage";
    public static final String SELF_SUMMARY = "selfSummary";
    /** Skill certification (岗位技能鉴定): passed (Boolean) and score 0–100 (Long). */
    public static final String CERTIFICATION_PASSED = "certificationPassed";
    public static final String CERTIFICATION_SCORE = "certificationScore";
    /** Output of the {@code probation-outcome} decision (Boolean). */
    public static final String PASSED = "passed";
    /** HR's decision after a failed evaluation: EXTEND (first failure only), DISMISS or TRANSFER. */
    public static final String DECISION = "decision";
    public static final String DECISION_REASON = "decisionReason";
    /** Login of whoever completed the last deciding task (certification or HR decision). */
    public static final String DECIDED_BY = "decidedBy";

    private ProbationVariables() {
    }

    /** The trainee's manager id of a running instance. */
    static long managerId(VariableScope scope) {
        return ((Number) scope.getVariable(MANAGER_ID)).longValue();
    }
}
