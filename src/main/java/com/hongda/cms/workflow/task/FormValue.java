package com.hongda.cms.workflow.task;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One submitted form value: the field key and its value as text, parsed by the field's type. */
public record FormValue(@NotNull @Size(max = 64) String key, @Size(max = 10_000) String value) {
}
