package com.hongda.cms.workflow;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Display names of any element of a deployed model, for steps that have no task row to carry a name
 * (automatic steps, timers): the bundles' {@code process.<key>.<element>} in the caller's language,
 * else the model's own name, else the element id. Model names are cached per definition and element.
 */
@Component
public class ModelNames {

    private final RepositoryService repository;
    private final StepNames names;
    private final Map<String, Optional<String>> modelNames = new ConcurrentHashMap<>();

    ModelNames(RepositoryService repository, StepNames names) {
        this.repository = repository;
        this.names = names;
    }

    public String step(String processDefinitionId, String processKey, String element, Locale locale) {
        String fallback = modelNames.computeIfAbsent(processDefinitionId + "#" + element, k -> read(processDefinitionId, element))
                .orElse(element);
        return names.step(processKey, element, fallback, locale);
    }

    /** The process key of a definition id ({@code key:version:uuid}). */
    public static String processKey(String processDefinitionId) {
        int colon = processDefinitionId == null ? -1 : processDefinitionId.indexOf(':');
        return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
    }

    private Optional<String> read(String processDefinitionId, String element) {
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        return model != null && model.getModelElementById(element) instanceof FlowElement e
                ? Optional.ofNullable(e.getName()) : Optional.empty();
    }
}
