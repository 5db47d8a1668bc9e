package com.hongda.cms.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * A scoring panel, for any family (interviews, competitive evaluation panels): members, one task
 * each, one score each, the mean — and each member's score kept under their name for the auditor.
 *
 * <p>In the model:
 * <ol>
 *   <li>the members: {@code ${scoringPanel.membersOf('JUDGE', 3)}} (members of a group, by user id,
 *       at most that many) or {@code ${scoringPanel.named(judges)}} (people named in an earlier form),
 *       as the result variable of a step, e.g. {@code panelMembers};</li>
 *   <li>a parallel multi-instance user task over that collection, one task per member, whose form has
 *       the score field named by the task's extension property {@code scoreField}, with
 *       {@code <camunda:taskListener delegateExpression="${scoringPanel}" event="complete"/>}: the score
 *       (submitted on the member's own task, see {@code TaskCompletion}) is kept as the process
 *       variable {@code <scoreField>_<member>}, so members completing at the same moment never write
 *       the same variable; the inner activity is {@code camunda:asyncAfter} so their completions never
 *       collide on the multi-instance counters either;</li>
 *   <li>the result: {@link #result} in the family's next step.</li>
 * </ol>
 */
@Component("scoringPanel")
public class ScoringPanel implements TaskListener {

    /** The score field's name, declared on the panel's user task as an extension property. */
    public static final String SCORE_FIELD_PROPERTY = "scoreField";

    private final com.hongda.cms.security.Directory directory;

    ScoringPanel(com.hongda.cms.security.Directory directory) {
        this.directory = directory;
    }

    /**
     * Enabled members of a group, by user id, at most {@code size}; a group without any is an incident
     * an operator sees.
     */
    public List<String> membersOf(String group, int size) {
        List<String> members = directory.enabledMembersOf(group, size);
        if (members.isEmpty()) {
            throw new IllegalStateException("The scoring panel has no members: group " + group + " has none");
        }
        return new ArrayList<>(members);
    }

    /** Members named in a form: a list of user ids, or one text of ids separated by commas. */
    public List<String> named(Object members) {
        List<String> ids = new ArrayList<>();
        if (members instanceof Collection<?> list) {
            list.forEach(m -> ids.add(String.valueOf(m).trim()));
        } else if (members != null) {
            for (String id : String.valueOf(members).split(",")) {
                ids.add(id.trim());
            }
        }
        List<String> distinct = ids.stream().filter(id -> !id.isEmpty()).distinct().toList();
        if (distinct.isEmpty()) {
            throw new IllegalStateException("The scoring panel has no members: none were named");
        }
        return new ArrayList<>(distinct);
    }

    /** On the completion of a member's task: keeps the member's score under their name. */
    @Override
    public void notify(DelegateTask task) {
        String field = scoreField(task);
        // On the task itself (the service's inbox); a client of the engine's own API may have set it
        // on the process instead.
        Object score = task.hasVariableLocal(field) ? task.getVariableLocal(field) : task.getVariable(field);
        if (score != null) {
            task.getExecution().getProcessInstance().setVariable(field + "_" + task.getAssignee(), score);
        }
    }

    /**
     * The panel's result: each member's score (in the members' order; members who gave none are
     * absent) and the mean of the given scores, to two decimals (0 when none was given).
     */
    public Result result(DelegateExecution execution, String scoreField, String membersVariable) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Object members = execution.getVariable(membersVariable);
        if (members instanceof Collection<?> list) {
            for (Object member : list) {
                if (execution.getVariable(scoreField + "_" + member) instanceof Number n) {
                    scores.put(String.valueOf(member), n.doubleValue());
                }
            }
        }
        double sum = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        BigDecimal mean = BigDecimal.valueOf(scores.isEmpty() ? 0 : sum / scores.size()).setScale(2, RoundingMode.HALF_UP);
        return new Result(scores, mean);
    }

    /** Each member's score and the mean. */
    public record Result(Map<String, Double> scores, BigDecimal mean) {
        public int count() {
            return scores.size();
        }
    }

    private static String scoreField(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        if (userTask != null && userTask.getExtensionElements() != null) {
            for (CamundaProperties properties : userTask.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty p : properties.getCamundaProperties()) {
                    if (SCORE_FIELD_PROPERTY.equals(p.getCamundaName())) {
                        return p.getCamundaValue();
                    }
                }
            }
        }
        throw new IllegalStateException("panel task " + task.getTaskDefinitionKey() + " declares no " + SCORE_FIELD_PROPERTY);
    }
}
