package com.hongda.cms.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * The conventions every process model in {@code bpmn/} follows, checked for all of them at once, so a
 * new family's model is held to them without a test of its own.
 */
class BpmnConventionsTest extends IntegrationTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final String KIT = "com.hongda.cms.workflow";

    @Autowired
    ApplicationContext context;

    @Autowired
    MessageSource messages;

    @Test
    void everyProcessDeclaresItsRetentionAndVersion() throws IOException {
        for (Path file : models()) {
            for (Process p : model(file).getModelElementsByType(Process.class)) {
                assertThat(p.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", file).isNotBlank();
                assertThat(p.getCamundaVersionTag()).as("versionTag of %s", file).isNotBlank();
                assertThat(p.getName()).as("name of %s", file).isNotBlank();
            }
        }
    }

    @Test
    void everyStepIsNamedAndEveryLabelIsTranslated() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : models()) {
            BpmnModelInstance model = model(file);
            String key = processKey(model);
            labelled(problems, "process." + key);
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node.getName() == null || node.getName().isBlank()) {
                    problems.add(file.getFileName() + ": " + node.getId() + " has no name");
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                labelled(problems, "process." + key + "." + task.getId());
            }
            for (CamundaFormField field : model.getModelElementsByType(CamundaFormField.class)) {
                labelled(problems, field.getCamundaLabel());
                for (CamundaValue value : field.getCamundaValues()) {
                    labelled(problems, value.getCamundaName());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyBeanAModelNamesBelongsToItsFamilyOrToTheKit() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : models()) {
            BpmnModelInstance model = model(file);
            String family = "com.hongda.cms." + processKey(model).split("-")[0];
            for (DomElement element : elements(model.getDocument().getRootElement())) {
                for (String attribute : List.of("delegateExpression", "expression", "candidateUsers", "candidateGroups",
                        "dueDate", "collection")) {
                    check(problems, file, element.getAttribute("http://camunda.org/schema/1.0/bpmn", attribute),
                            attribute.equals("delegateExpression"), family);
                }
                if (!element.getChildElements().isEmpty() || element.getTextContent() == null) {
                    continue;
                }
                check(problems, file, element.getTextContent(), false, family);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void processesAreStartedOnlyThroughTheKitWhichRecordsTheSubject() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> starters = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains(".startProcessInstanceBy") || read(p).contains(".createProcessInstanceBy"))
                    .map(p -> p.getFileName().toString()).toList();
            assertThat(starters).containsExactly("CaseStarter.java");
        }
    }

    @Test
    void sequenceFlowsLeadSomewhere() throws IOException {
        for (Path file : models()) {
            for (SequenceFlow flow : model(file).getModelElementsByType(SequenceFlow.class)) {
                assertThat(flow.getSource()).as(flow.getId()).isNotNull();
                assertThat(flow.getTarget()).as(flow.getId()).isNotNull();
            }
        }
    }

    private void check(List<String> problems, Path file, String text, boolean mustBeBean, String family) {
        if (text == null || !text.contains("${")) {
            return;
        }
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!context.containsBean(name)) {
                if (mustBeBean) {
                    problems.add(file.getFileName() + ": delegate " + name + " is no bean");
                }
                continue;
            }
            String owner = context.getType(name).getPackageName();
            if (!owner.equals(KIT) && !owner.startsWith(family)) {
                problems.add(file.getFileName() + ": " + name + " belongs to " + owner + ", neither the family nor the kit");
            }
        }
    }

    private void labelled(List<String> problems, String key) {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            try {
                messages.getMessage(key, null, locale);
            } catch (NoSuchMessageException e) {
                problems.add("no " + locale + " text for " + key);
            }
        }
    }

    private static List<DomElement> elements(DomElement root) {
        List<DomElement> all = new ArrayList<>();
        all.add(root);
        for (DomElement child : root.getChildElements()) {
            all.addAll(elements(child));
        }
        return all;
    }

    private static String processKey(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).iterator().next().getId();
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static BpmnModelInstance model(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
