package com.hongda.cms.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The beans bpmn/complaint-handling.bpmn names, one per step (the delegate convention); each hands its
 * step to {@link ComplaintSteps}, where the work and its rules are.
 */
final class ComplaintStepBeans {

    private ComplaintStepBeans() {
    }

    /** "Triage: handler and due dates". */
    @Component("complaintTriage")
    static class Triage implements JavaDelegate {
        private final ComplaintSteps steps;
        Triage(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.triage(execution); }
    }

    /** "First response" completing. */
    @Component("complaintRespond")
    static class Respond implements TaskListener {
        private final ComplaintSteps steps;
        Respond(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.respond(task); }
    }

    /** "Escalate: level n". */
    @Component("complaintEscalate")
    static class Escalate implements JavaDelegate {
        private final ComplaintSteps steps;
        Escalate(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.escalate(execution); }
    }

    /** "Investigate and resolve" completing. */
    @Component("complaintResolve")
    static class Resolve implements TaskListener {
        private final ComplaintSteps steps;
        Resolve(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.resolve(task); }
    }

    /** "Approve the compensation" completing. */
    @Component("complaintApproval")
    static class Approval implements TaskListener {
        private final ComplaintSteps steps;
        Approval(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.approval(task); }
    }

    /** "Inform and call back" starting. */
    @Component("complaintAwaitCallback")
    static class AwaitCallback implements ExecutionListener {
        private final ComplaintSteps steps;
        AwaitCallback(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateExecution execution) { steps.awaitCallback(execution); }
    }

    /** "Inform and call back" completing. */
    @Component("complaintCallback")
    static class Callback implements TaskListener {
        private final ComplaintSteps steps;
        Callback(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.callback(task); }
    }

    /** "Unreachable": the call-back's time ran out. */
    @Component("complaintUnreachable")
    static class Unreachable implements JavaDelegate {
        private final ComplaintSteps steps;
        Unreachable(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.unreachable(execution); }
    }

    /** "Reopen to the handler". */
    @Component("complaintReopen")
    static class Reopen implements JavaDelegate {
        private final ComplaintSteps steps;
        Reopen(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.reopen(execution); }
    }

    /** "Close". */
    @Component("complaintClose")
    static class Close implements JavaDelegate {
        private final ComplaintSteps steps;
        Close(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.close(execution); }
    }

    /** "Decide the consequence" completing. */
    @Component("complaintConsequence")
    static class DecideConsequence implements TaskListener {
        private final ComplaintSteps steps;
        DecideConsequence(ComplaintSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.consequence(task); }
    }
}
