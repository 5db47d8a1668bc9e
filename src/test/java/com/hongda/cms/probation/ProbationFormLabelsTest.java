package com.hongda.cms.probation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.junit.jupiter.api.Test;

/**
 * Every label of the probation forms (field labels and enum option names in the model) is a message
 * key with a text in both bundles, and the bundles carry no key the model does not use. Every
 * element of the model has a name.
 */
class ProbationFormLabelsTest {

    @Test
    void everyFormLabelHasAChineseAndAnEnglishText() throws IOException {
        BpmnModelInstance model = model();
        Set<String> keys = new TreeSet<>();
        for (CamundaFormField f : model.getModelElementsByType(CamundaFormField.class)) {
            keys.add(f.getCamundaLabel());
            f.getCamundaValues().stream().map(CamundaValue::getCamundaName).forEach(keys::add);
        }
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith("form.probation."));
        for (String bundle : new String[] {"messages-probation.properties", "messages-probation_en.properties"}) {
            Properties texts = bundle(bundle);
            assertThat(texts.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(texts.values()).as(bundle).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        }
        assertThat(bundle("messages-probation.properties").getProperty("form.probation.decision.DISMISS")).isEqualTo("辞退");
    }

    @Test
    void everyElementHasAName() throws IOException {
        assertThat(model().getModelElementsByType(FlowElement.class))
                .filteredOn(e -> !(e instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow))
                .allSatisfy(e -> assertThat(e.getName()).as(e.getId()).isNotBlank());
    }

    private static BpmnModelInstance model() throws IOException {
        try (InputStream in = ProbationFormLabelsTest.class.getResourceAsStream("/bpmn/probation.bpmn")) {
            return Bpmn.readModelFromStream(in);
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProbationFormLabelsTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
