package com.hongda.cms.visit;

import com.hongda.cms.customer.Tier;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Months between two visits to a customer of a tier, by the {@code visit-frequency} DMN table in
 * {@code bpmn/}; evaluated through the engine, so its history shows why a due date is what it is.
 */
@Component
class VisitFrequency {

    static final String DECISION_KEY = "visit-frequency";

    private final DecisionService decisions;

    VisitFrequency(DecisionService decisions) {
        this.decisions = decisions;
    }

    int months(Tier tier) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("tier", tier.name())).evaluate();
        Object months = result.getSingleResult() == null ? null : result.getSingleResult().getSingleEntry();
        if (!(months instanceof Number n) || n.intValue() < 1) {
            // The table's last rule catches every tier; reaching here means the table was edited badly.
            throw new IllegalStateException("Decision " + DECISION_KEY + " gave no number of months for " + tier + ": " + months);
        }
        return n.intValue();
    }

    /** The months of every tier, each evaluated once. */
    Map<Tier, Integer> all() {
        Map<Tier, Integer> months = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            months.put(t, months(t));
        }
        return months;
    }
}
