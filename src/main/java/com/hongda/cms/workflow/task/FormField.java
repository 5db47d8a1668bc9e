package com.hongda.cms.workflow.task;

import java.util.List;

/**
 * One field an approver fills to complete a task, as declared in the BPMN model
 * ({@code camunda:formData}); a front end renders any process's form from this alone.
 *
 * @param label message key or text; shown through the message bundles in the caller's language
 * @param personRole set when the value names a person (a user id): the role that person must hold,
 *                   declared in the model as the field property {@code personRole}
 */
public record FormField(String key, String label, Type type, boolean required, boolean readonly,
                        Double min, Double max, Integer minLength, Integer maxLength,
                        List<Option> options, String defaultValue, String personRole) {

    /** Value types a form field may have. */
    public enum Type { STRING, LONG, DOUBLE, BOOLEAN, DATE, ENUM }

    /** An allowed value of an ENUM field. */
    public record Option(String value, String label) {
    }

    /** The field with its current value filled in, as shown to the approver. */
    public record Shown(FormField field, String label, List<Option> options, String value) {
        public String key() { return field.key(); }
        public Type type() { return field.type(); }
        public boolean required() { return field.required(); }
        public boolean readonly() { return field.readonly(); }
        public Double min() { return field.min(); }
        public Double max() { return field.max(); }
        public Integer minLength() { return field.minLength(); }
        public Integer maxLength() { return field.maxLength(); }
        public String personRole() { return field.personRole(); }
    }
}
