package com.hongda.cms.workflow;

/**
 * A domain object handled by a process: an application today; complaints, promotion applications and
 * assessments next. Its GraphQL type implements the {@code Case} interface, whose process fields
 * ({@code steps}, {@code incidents}, {@code currentSteps}) are wired once for every such type
 * ({@link CaseFields}); the object only says which process instance it is.
 */
public interface ProcessCase {

    /** The process instance handling this case; null before it started. */
    String getProcessInstanceId();
}
