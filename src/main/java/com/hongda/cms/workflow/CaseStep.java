package com.hongda.cms.workflow;

import java.time.Instant;

/**
 * A step a case stands at now, as a front end shows it: a task waiting for a person, an automatic
 * step the engine is about to run, or a timer the case waits for. A step that failed carries its
 * incident: the case is stuck there until an operator retries it.
 *
 * @param key  the step's id in the model, e.g. {@code hrReview}
 * @param name the step's name in the caller's language
 * @param due  a task's due date, a timer's time, or when an automatic step may run
 */
public record CaseStep(String key, String name, Kind kind, Instant due, IncidentView incident) {

    /** What the case waits for at this step. */
    public enum Kind {
        /** A person: a user task. */
        TASK,
        /** The engine: an automatic step (an asynchronous continuation) is queued or failed. */
        AUTOMATIC,
        /** Time: a timer the case waits for (not a reminder beside a task). */
        WAITING
    }
}
