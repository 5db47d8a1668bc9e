package com.hongda.cms.promotion;

import com.hongda.cms.manager.Grade;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The {@code promotion-eligibility} table, evaluated for every graded manager of a branch. It runs on
 * a DMN engine of its own, on the latest deployed version parsed once: a preview writes
 * nothing (no decision history for hundreds of rows a committee only looks at), and the opening's
 * reviews store every input and the outcome themselves.
 */
@Component
class Eligibility {

    static final String DECISION = "promotion-eligibility";

    private final RepositoryService repository;
    /** A DMN engine of its own, without the process engine's history: evaluating writes nothing. */
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    Eligibility(RepositoryService repository) {
        this.repository = repository;
    }

    /** What the table decides. */
    record Decision(ReviewKind review, Grade targetGrade, String reason) {
    }

    /** The table of the latest deployed version, parsed once per version. */
    Table current() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        DmnDecision decision = parsed.computeIfAbsent(definition.getId(), id -> {
            try (java.io.InputStream xml = repository.getDecisionModel(id)) {
                return dmn.parseDecision(DECISION, xml);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return new Table(decision);
    }

    /** One parsed version of the table. */
    final class Table {
        private final DmnDecision decision;

        private Table(DmnDecision decision) {
            this.decision = decision;
        }

        Decision decide(Grade grade, int monthsInGrade, Double topPercent, boolean excusedLeave, boolean otherAbsence) {
            VariableMap in = Variables.createVariables().putValue("grade", grade.name()).putValue("monthsInGrade", monthsInGrade)
                    .putValue("topPercent", topPercent).putValue("excusedLeave", excusedLeave).putValue("otherAbsence", otherAbsence);
            DmnDecisionRuleResult row = dmn.evaluateDecisionTable(decision, in).getFirstResult();
            String target = (String) row.getEntryMap().get("targetGrade");
            return new Decision(ReviewKind.valueOf(row.getEntry("review")), target == null ? null : Grade.valueOf(target),
                    row.getEntry("reason"));
        }
    }
}
