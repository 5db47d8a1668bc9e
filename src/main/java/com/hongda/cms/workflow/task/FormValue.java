package com.hongda.cms.workflow.task;

import jakarta.validation.constraints.NotNull;

/**
 * One submitted form value: the field key and its value as text, parsed by the field's type. Its
 * length and content are checked against the form (TaskForms), which names the field by its key.
 */
public record FormValue(@NotNull String key, String value) {
}
