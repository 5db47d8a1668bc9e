package com.hongda.cms.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The beans the promotion models name, one per step (the delegate convention); each hands its step
 * to {@link ApplicationSteps} or {@link CycleSteps}, where the work and its rules are.
 */
final class PromotionStepBeans {

    private PromotionStepBeans() {
    }

    /** promotion-application, "Apply or decline" completing. */
    @Component("promotionApply")
    static class Apply implements TaskListener {
        private final ApplicationSteps steps;
        Apply(ApplicationSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.apply(task); }
    }

    /** promotion-application, "Check the application" completing. */
    @Component("promotionCheck")
    static class Check implements TaskListener {
        private final ApplicationSteps steps;
        Check(ApplicationSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.check(task); }
    }

    /** promotion-application, "Evaluate the candidate" completing. */
    @Component("promotionEvaluate")
    static class Evaluate implements TaskListener {
        private final ApplicationSteps steps;
        Evaluate(ApplicationSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.evaluate(task); }
    }

    /** promotion-application, "Record lapse". */
    @Component("promotionLapse")
    static class Lapse implements JavaDelegate {
        private final ApplicationSteps steps;
        Lapse(ApplicationSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.lapse(execution); }
    }

    /** promotion-cycle, "Invite candidates". */
    @Component("promotionInvite")
    static class Invite implements JavaDelegate {
        private final CycleSteps steps;
        Invite(CycleSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.invite(execution); }
    }

    /** promotion-cycle, "Close applications". */
    @Component("promotionClose")
    static class Close implements JavaDelegate {
        private final CycleSteps steps;
        Close(CycleSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.close(execution); }
    }

    /** promotion-cycle, "Name the panel" completing. */
    @Component("promotionPanel")
    static class Panel implements TaskListener {
        private final CycleSteps steps;
        Panel(CycleSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.namePanel(task); }
    }

    /** promotion-cycle, a judge's "Score the presentations" completing. */
    @Component("promotionSheet")
    static class Sheet implements TaskListener {
        private final CycleSteps steps;
        Sheet(CycleSteps steps) { this.steps = steps; }
        @Override
        public void notify(DelegateTask task) { steps.submitSheet(task); }
    }

    /** promotion-cycle, "Rank the races". */
    @Component("promotionRank")
    static class Rank implements JavaDelegate {
        private final CycleSteps steps;
        Rank(CycleSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.rank(execution); }
    }

    /** promotion-cycle, "Publish: change the grades", in HR's approval. */
    @Component("promotionPublish")
    static class Publish implements JavaDelegate {
        private final CycleSteps steps;
        Publish(CycleSteps steps) { this.steps = steps; }
        @Override
        public void execute(DelegateExecution execution) { steps.publish(execution); }
    }
}
