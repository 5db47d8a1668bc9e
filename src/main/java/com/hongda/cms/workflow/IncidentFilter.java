package com.hongda.cms.workflow;

import jakarta.validation.constraints.Size;

/** Narrows the open incidents: by process (e.g. recruitment-review) and by case (business key). */
public record IncidentFilter(@Size(max = 255) String processDefinitionKey, @Size(max = 255) String businessKey) {

    public static final IncidentFilter NONE = new IncidentFilter(null, null);
}
