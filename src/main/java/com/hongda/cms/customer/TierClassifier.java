package com.hongda.cms.customer;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Decides a customer's value tier with the {@code customer-tier} DMN table in {@code bpmn/}.
 * Evaluating through the engine records the decision with its inputs and output in the engine's
 * history, so an auditor can see why a customer got its tier; the record commits or rolls back
 * with the customer row.
 */
@Component
class TierClassifier {

    static final String DECISION_KEY = "customer-tier";

    private final DecisionService decisionService;

    TierClassifier(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    Tier classify(CustomerProfile profile) {
        DmnDecisionResult result = decisionService.evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables()
                        .putValue("customerType", profile.type().name())
                        .putValue("industry", profile.industry().name())
                        .putValue("region", profile.region().name())
                        .putValue("employees", profile.employees())
                        .putValue("monthlyRevenue", profile.monthlyRevenue().doubleValue()))
                .evaluate();
        Object tier = result.getSingleResult() == null ? null : result.getSingleResult().getSingleEntry();
        if (tier == null) {
            // The table's last rule catches everything; reaching here means the table was edited badly.
            throw new IllegalStateException("Decision " + DECISION_KEY + " returned no tier");
        }
        try {
            return Tier.valueOf(tier.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Decision " + DECISION_KEY + " returned an unknown tier: " + tier, e);
        }
    }

}
