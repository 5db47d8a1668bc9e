package com.hongda.cms.workflow.task;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.InvalidInputException;
import com.hongda.cms.security.Directory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The forms of user tasks, read from the deployed BPMN models (cached per process definition and
 * step, so rendering a page of tasks sends no SQL for forms), and the validation of submitted values
 * against them. Validation collects every problem before anything is written.
 */
@Component
class TaskForms {

    /** Longest string value accepted when a field declares no maxlength of its own. */
    static final int DEFAULT_MAX_LENGTH = 4000;
    /** Most values one completion may carry. */
    static final int MAX_VALUES = 100;

    private final RepositoryService repositoryService;
    private final MessageSource messages;
    private final Map<String, Step> cache = new ConcurrentHashMap<>();

    private final Directory directory;

    TaskForms(RepositoryService repositoryService, MessageSource messages, Directory directory) {
        this.directory = directory;
        this.repositoryService = repositoryService;
        this.messages = messages;
    }

    /**
     * A user task as the model declares it: its form fields, and whether it is one of several parallel
     * instances (a multi-instance activity: one task per judge of a panel).
     */
    record Step(List<FormField> fields, boolean perInstance) {
        static final Step NONE = new Step(List.of(), false);
    }

    /** The fields of a step of a process definition; empty when the step has no form. */
    List<FormField> fields(String processDefinitionId, String step) {
        return step(processDefinitionId, step).fields();
    }

    /** Whether the step's tasks are instances of a multi-instance activity, each with values of its own. */
    boolean perInstance(String processDefinitionId, String step) {
        return step(processDefinitionId, step).perInstance();
    }

    private Step step(String processDefinitionId, String step) {
        return cache.computeIfAbsent(processDefinitionId + "#" + step, k -> read(processDefinitionId, step));
    }

    /** The form as shown: labels in the caller's language, values from the current variables or the defaults. */
    List<FormField.Shown> show(List<FormField> fields, Map<String, Object> variables, Locale locale) {
        List<FormField.Shown> shown = new ArrayList<>(fields.size());
        for (FormField f : fields) {
            Object current = variables.get(f.key());
            String value = current != null ? render(current) : f.defaultValue();
            List<FormField.Option> options = f.options().stream()
                    .map(o -> new FormField.Option(o.value(), label(o.label(), locale)))
                    .toList();
            shown.add(new FormField.Shown(f, label(f.label(), locale), options, value));
        }
        return shown;
    }

    /**
     * Checks submitted values against the form and converts them to typed variables.
     *
     * @throws InvalidInputException naming every offending field
     */
    Map<String, Object> validate(List<FormField> fields, List<FormValue> submitted) {
        List<DomainException> problems = new ArrayList<>();
        if (submitted.size() > MAX_VALUES) {
            throw DomainException.badRequest("input.values", "TOO_MANY_VALUES", "error.form.tooMany", MAX_VALUES);
        }
        Map<String, FormField> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        Map<String, Object> variables = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (FormValue v : submitted) {
            String key = v.key() == null ? "" : v.key();
            String path = "input.values." + (key.length() > 64 ? key.substring(0, 64) : key);
            FormField field = byKey.get(key);
            if (field == null) {
                problems.add(DomainException.badRequest(path, "UNKNOWN_FIELD", "error.form.unknown", shorten(key)));
                continue;
            }
            if (!seen.add(key)) {
                problems.add(DomainException.badRequest(path, "DUPLICATE_FIELD", "error.form.duplicate", key));
                continue;
            }
            if (field.readonly()) {
                problems.add(DomainException.badRequest(path, "READONLY", "error.form.readonly", key));
                continue;
            }
            if (v.value() == null || v.value().isEmpty()) {
                if (field.required()) {
                    problems.add(DomainException.badRequest(path, "REQUIRED", "error.form.required", key));
                }
                continue;
            }
            Object typed = convert(field, v.value(), path, problems);
            if (typed != null && field.personRole() != null) {
                typed = checkPerson(field, (String) typed, path, problems);
            }
            if (typed != null) {
                variables.put(key, typed);
            }
        }
        for (FormField f : fields) {
            if (f.required() && !seen.contains(f.key())) {
                problems.add(DomainException.badRequest("input.values." + f.key(), "REQUIRED", "error.form.required", f.key()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return variables;
    }

    private Object convert(FormField f, String raw, String path, List<DomainException> problems) {
        int before = problems.size();
        Object typed = switch (f.type()) {
            case STRING -> {
                int max = f.maxLength() != null ? f.maxLength() : DEFAULT_MAX_LENGTH;
                if (raw.length() > max) {
                    problems.add(DomainException.badRequest(path, "MAX_LENGTH", "error.form.maxLength", f.key(), max));
                } else if (f.minLength() != null && raw.length() < f.minLength()) {
                    problems.add(DomainException.badRequest(path, "MIN_LENGTH", "error.form.minLength", f.key(), f.minLength()));
                }
                yield raw;
            }
            case LONG -> {
                Long n = parseLong(raw);
                if (n == null) {
                    problems.add(DomainException.badRequest(path, "TYPE", "error.form.type", f.key(), "LONG"));
                } else {
                    checkRange(f, n.doubleValue(), path, problems);
                }
                yield n;
            }
            case DOUBLE -> {
                Double d = parseDouble(raw);
                if (d == null) {
                    problems.add(DomainException.badRequest(path, "TYPE", "error.form.type", f.key(), "DOUBLE"));
                } else {
                    checkRange(f, d, path, problems);
                }
                yield d;
            }
            case BOOLEAN -> {
                if (!raw.equals("true") && !raw.equals("false")) {
                    problems.add(DomainException.badRequest(path, "TYPE", "error.form.type", f.key(), "BOOLEAN"));
                }
                yield Boolean.valueOf(raw);
            }
            case DATE -> {
                LocalDate date = null;
                try {
                    date = raw.length() > 10 ? null : LocalDate.parse(raw);
                } catch (DateTimeParseException ignored) {
                    // reported below
                }
                if (date == null) {
                    problems.add(DomainException.badRequest(path, "TYPE", "error.form.type", f.key(), "DATE"));
                }
                yield date == null ? null : java.sql.Date.valueOf(date);
            }
            case ENUM -> {
                if (f.options().stream().noneMatch(o -> o.value().equals(raw))) {
                    problems.add(DomainException.badRequest(path, "ALLOWED_VALUES", "error.form.allowed", f.key(),
                            String.join(", ", f.options().stream().map(FormField.Option::value).toList())));
                }
                yield raw;
            }
        };
        return problems.size() == before ? typed : null;
    }

    /** A field naming a person: the user must exist and hold the field's role. */
    private String checkPerson(FormField f, String userId, String path, List<DomainException> problems) {
        String id = userId.trim();
        var refusal = directory.refusal(path, f.key(), id, f.personRole());
        refusal.ifPresent(problems::add);
        return refusal.isPresent() ? null : id;
    }

    private static void checkRange(FormField f, double n, String path, List<DomainException> problems) {
        if ((f.min() != null && n < f.min()) || (f.max() != null && n > f.max())) {
            problems.add(DomainException.badRequest(path, "RANGE", "error.form.range", f.key(),
                    f.min() == null ? "-" : number(f.min()), f.max() == null ? "-" : number(f.max())));
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static Long parseLong(String raw) {
        if (raw.length() > 20) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String raw) {
        if (raw.length() > 40) {
            return null;
        }
        try {
            double d = Double.parseDouble(raw.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    private String label(String keyOrText, Locale locale) {
        return keyOrText == null ? null : messages.getMessage(keyOrText, null, keyOrText, locale);
    }

    static String render(Object value) {
        if (value instanceof java.util.Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate().toString();
        }
        return String.valueOf(value);
    }

    /** The names of every form field of these steps, to load their current values in one query. */
    static Set<String> keys(Collection<List<FormField>> forms) {
        Set<String> keys = new HashSet<>();
        forms.forEach(list -> list.forEach(f -> keys.add(f.key())));
        return keys;
    }

    private Step read(String processDefinitionId, String step) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
        if (model == null || !(model.getModelElementById(step) instanceof UserTask task)) {
            return Step.NONE;
        }
        boolean perInstance = task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
        ExtensionElements ext = task.getExtensionElements();
        if (ext == null) {
            return new Step(List.of(), perInstance);
        }
        List<FormField> fields = new ArrayList<>();
        for (CamundaFormData data : ext.getChildElementsByType(CamundaFormData.class)) {
            for (CamundaFormField f : data.getCamundaFormFields()) {
                fields.add(toField(f));
            }
        }
        return new Step(List.copyOf(fields), perInstance);
    }

    private static FormField toField(CamundaFormField f) {
        boolean required = false;
        boolean readonly = false;
        Double min = null;
        Double max = null;
        Integer minLength = null;
        Integer maxLength = null;
        if (f.getCamundaValidation() != null) {
            for (CamundaConstraint c : f.getCamundaValidation().getCamundaConstraints()) {
                switch (c.getCamundaName()) {
                    case "required" -> required = true;
                    case "readonly" -> readonly = true;
                    case "min" -> min = Double.valueOf(c.getCamundaConfig());
                    case "max" -> max = Double.valueOf(c.getCamundaConfig());
                    case "minlength" -> minLength = Integer.valueOf(c.getCamundaConfig());
                    case "maxlength" -> maxLength = Integer.valueOf(c.getCamundaConfig());
                    default -> {
                        // Other constraints (custom validators) are the engine's business.
                    }
                }
            }
        }
        List<FormField.Option> options = f.getCamundaValues().stream()
                .map((CamundaValue v) -> new FormField.Option(v.getCamundaId(), v.getCamundaName()))
                .toList();
        FormField.Type type = switch (f.getCamundaType() == null ? "string" : f.getCamundaType()) {
            case "long" -> FormField.Type.LONG;
            case "double" -> FormField.Type.DOUBLE;
            case "boolean" -> FormField.Type.BOOLEAN;
            case "date" -> FormField.Type.DATE;
            case "enum" -> FormField.Type.ENUM;
            default -> FormField.Type.STRING;
        };
        String personRole = f.getCamundaProperties() == null ? null : f.getCamundaProperties().getCamundaProperties().stream()
                .filter(p -> "personRole".equals(p.getCamundaId())).map(p -> p.getCamundaValue()).findFirst().orElse(null);
        return new FormField(f.getCamundaId(), f.getCamundaLabel() == null ? f.getCamundaId() : f.getCamundaLabel(),
                type, required, readonly, min, max, minLength, maxLength, options, f.getCamundaDefaultValue(), personRole);
    }
}
