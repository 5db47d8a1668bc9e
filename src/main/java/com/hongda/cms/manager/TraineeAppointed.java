package com.hongda.cms.manager;

/**
 * Published, synchronously and inside the appointing transaction, when a process appoints a new
 * TRAINEE manager. Listeners act in the same transaction (probation starts), so the appointment
 * and what follows from it commit or roll back together.
 *
 * @param processInstanceId the process that appointed the trainee (e.g. a recruitment review)
 */
public record TraineeAppointed(CustomerManager trainee, String processInstanceId) {
}
