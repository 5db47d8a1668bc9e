package com.hongda.cms.workflow.incident;

import com.hongda.cms.workflow.IncidentFilter;
import com.hongda.cms.workflow.IncidentView;
import com.hongda.cms.workflow.Incidents;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.RequestLocale;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The operators' view of stuck cases: open incidents and their retry. */
@Controller
class IncidentController {

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    record RetryIncidentInput(@NotBlank @Size(max = 64) String incidentId) {
    }

    record RetryIncidentPayload(IncidentView incident) {
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    Connection<IncidentView> incidents(@Argument @Valid IncidentFilter filter, @Argument Integer first,
                                       @Argument String after, @Argument Integer last, @Argument String before,
                                       graphql.GraphQLContext context) {
        return incidents.page(filter, new PageArgs(first, after, last, before), RequestLocale.of(context));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    RetryIncidentPayload retryIncident(@Argument @Valid RetryIncidentInput input, graphql.GraphQLContext context) {
        return new RetryIncidentPayload(incidents.retry(input.incidentId(), RequestLocale.of(context)));
    }
}
