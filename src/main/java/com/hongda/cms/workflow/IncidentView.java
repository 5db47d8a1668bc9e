package com.hongda.cms.workflow;

import java.time.Instant;

/**
 * A failure the engine could not get past on its own: a job (an automatic step, a timer) that failed
 * on every retry. The case waits at {@code step} until an operator fixes the cause and retries.
 *
 * @param message what the failing step reported, as text a person can read
 * @param jobId   the failed job, retried by {@code retryIncident}
 */
public record IncidentView(String id, String processInstanceId, String processDefinitionKey, String businessKey,
                           String step, String stepName, String type, String message, Instant createdAt,
                           String jobId) {
}
