package com.hongda.cms.probation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listener on completing a deciding task (certification, HR's decision): remembers who
 * completed it in {@code decidedBy}, which the grade-history entry names. The acting user is the
 * engine's authenticated user of the request (set for every API call); the assignee stands in when
 * the engine was called without one.
 */
@Component("probationDecidedBy")
class DecidedBy implements TaskListener {

    private final IdentityService identity;

    DecidedBy(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication auth = identity.getCurrentAuthentication();
        String user = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        task.setVariable(ProbationVariables.DECIDED_BY, user);
    }
}
