package com.hongda.cms.assessment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The assessment scheme: the decision table {@code assessment-scheme}, versioned by the engine. A round
 * records the deployed definition it opened with ({@link #current()}) and is scored by that one
 * ({@link #of}), whatever is deployed later. Schemes are immutable, so each (definition, kind) is read once.
 */
@Component
class AssessmentSchemes {

    static final String DECISION_KEY = "assessment-scheme";

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final Map<String, Scheme> cache = new ConcurrentHashMap<>();

    AssessmentSchemes(RepositoryService repository, DecisionService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    /** The id of the newest deployed scheme, checked to be a valid one. */
    String current() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("No " + DECISION_KEY + " decision is deployed");
        }
        for (RoundKind kind : RoundKind.values()) {
            of(latest.getId(), kind);
        }
        return latest.getId();
    }

    /** The scheme of that deployed definition for a kind of round. */
    Scheme of(String definitionId, RoundKind kind) {
        return cache.computeIfAbsent(definitionId + "/" + kind, k -> {
            List<Map<String, Object>> rows = decisions.evaluateDecisionById(definitionId)
                    .variables(Variables.createVariables().putValue("kind", kind.name())).evaluate().getResultList();
            return Scheme.from(definitionId, rows);
        });
    }
}
