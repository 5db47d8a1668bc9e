package com.hongda.cms.docs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Writes the decision tables of DMN models as Markdown: for each decision its hit policy, inputs
 * (label, expression, type), outputs (label, result name, type) and every rule in order with its
 * annotation, after the explanation the model file opens with. The output depends on the models
 * only, so it can be committed and compared.
 */
final class DmnMarkdown {

    /** The comment a model file opens with, before its root element. */
    private static final Pattern LEADING_COMMENT = Pattern.compile("^\\s*(?:<\\?xml[^>]*>\\s*)?<!--(.*?)-->",
            Pattern.DOTALL);

    private DmnMarkdown() {
    }

    /** One section of Markdown for each decision table of the model {@code fileName}, read from {@code xml}. */
    static String render(String fileName, String xml) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        StringBuilder md = new StringBuilder();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!(decision.getExpression() instanceof DecisionTable table)) {
                continue;
            }
            md.append("## ").append(decision.getName()).append(" (`").append(decision.getId()).append("`)\n\n");
            md.append("[`bpmn/").append(fileName).append("`](../bpmn/").append(fileName).append(") · hit policy **")
                    .append(hitPolicy(table)).append("**: ").append(meaning(table));
            if (decision.getCamundaHistoryTimeToLiveString() != null) {
                md.append(" · evaluations kept in history for ").append(decision.getCamundaHistoryTimeToLiveString());
            }
            md.append("\n\n");
            String comment = leadingComment(xml);
            if (!comment.isEmpty()) {
                // A citation of the rules becomes a link, relative to docs/ where this is written.
                md.append("> ").append(comment.replaceAll("docs/rules\\.md(#[a-z0-9-]+)?", "[rules.md$1](rules.md$1)"))
                        .append("\n\n");
            }

            md.append("| input | expression | type |\n|---|---|---|\n");
            for (Input input : table.getInputs()) {
                md.append("| ").append(cell(input.getLabel())).append(" | ")
                        .append(code(input.getInputExpression().getText().getTextContent())).append(" | ")
                        .append(cell(input.getInputExpression().getTypeRef())).append(" |\n");
            }
            md.append("\n| output | result | type |\n|---|---|---|\n");
            for (Output output : table.getOutputs()) {
                md.append("| ").append(cell(output.getLabel())).append(" | ").append(code(output.getName()))
                        .append(" | ").append(cell(output.getTypeRef())).append(" |\n");
            }

            md.append("\n| # |");
            StringBuilder rule = new StringBuilder("\n|---:|");
            for (Input input : table.getInputs()) {
                md.append(" ").append(cell(input.getLabel())).append(" |");
                rule.append("---|");
            }
            for (Output output : table.getOutputs()) {
                md.append(" → ").append(cell(output.getLabel())).append(" |");
                rule.append("---|");
            }
            md.append(" annotation |").append(rule).append("---|\n");
            int number = 0;
            for (Rule r : table.getRules()) {
                md.append("| ").append(++number).append(" |");
                for (InputEntry entry : r.getInputEntries()) {
                    md.append(" ").append(entry(entry.getText().getTextContent())).append(" |");
                }
                for (OutputEntry entry : r.getOutputEntries()) {
                    md.append(" ").append(code(entry.getText().getTextContent())).append(" |");
                }
                String annotation = r.getDescription() == null ? "" : r.getDescription().getTextContent();
                md.append(" ").append(cell(annotation)).append(" |\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    private static String hitPolicy(DecisionTable table) {
        String name = table.getHitPolicy().name().replace('_', ' ');
        return table.getAggregation() == null ? name : name + " (" + table.getAggregation().name() + ")";
    }

    private static String meaning(DecisionTable table) {
        HitPolicy policy = table.getHitPolicy();
        if (policy == HitPolicy.COLLECT && table.getAggregation() != null) {
            return "the outputs of all matching rules, combined by " + table.getAggregation().name();
        }
        return switch (policy) {
            case UNIQUE -> "at most one rule may match";
            case FIRST -> "the first matching rule, in the order below, decides";
            case PRIORITY -> "of the matching rules, the one whose output comes first in the output values decides";
            case ANY -> "several rules may match if they agree on the output";
            case COLLECT -> "every matching rule contributes its output";
            case RULE_ORDER -> "the outputs of all matching rules, in rule order";
            case OUTPUT_ORDER -> "the outputs of all matching rules, in the order of the output values";
        };
    }

    static String leadingComment(String xml) {
        Matcher matcher = LEADING_COMMENT.matcher(xml);
        return matcher.find() ? cell(matcher.group(1)) : "";
    }

    /** An input entry: {@code -} (empty) matches anything. */
    private static String entry(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() || trimmed.equals("-") ? "–" : code(trimmed);
    }

    private static String code(String text) {
        String trimmed = text == null ? "" : text.trim().replaceAll("\\s+", " ");
        return trimmed.isEmpty() ? "" : "`" + trimmed.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").replace("|", "\\|");
    }
}
