package com.hongda.cms.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who decided, recorded the same way for every family: a task listener on the completion of a deciding
 * task ({@code <camunda:taskListener delegateExpression="${recordDecider}" event="complete"/>} (a bean name that is no variable name: the engine resolves variables before beans)) stores the
 * acting user in the process variable {@value #VARIABLE}; steps that change a manager's grade or status
 * name that person. The acting user is the engine's authenticated user of the request (set for every
 * API call); the assignee stands in when the engine was called without one.
 */
@Component("recordDecider")
public class DecidedBy implements TaskListener {

    public static final String VARIABLE = "decidedBy";

    private final IdentityService identity;

    DecidedBy(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().getProcessInstance().setVariable(VARIABLE, actor(identity, task));
    }

    /** Who acts on the task now: the request's user, or the assignee when the engine was called without one. */
    public static String actor(IdentityService identity, DelegateTask task) {
        Authentication auth = identity.getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
    }
}
