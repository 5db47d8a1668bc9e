package com.hongda.cms.personnel;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ExitReviewDue;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code PersonnelCase} type, its queries and the mutations that open a case; who sees which case is {@link PersonnelCases}' rule. */
@Controller
@SchemaMapping(typeName = "PersonnelCase")
class PersonnelController {

    private final PersonnelCases cases;
    private final ManagerService managers;

    PersonnelController(PersonnelCases cases, ManagerService managers) {
        this.cases = cases;
        this.managers = managers;
    }

    record ReportMisconductInput(@NotBlank @Size(max = 20) String managerId, @NotNull MisconductCategory category,
                                 @NotNull LocalDate occurredOn, @NotBlank @Size(max = 2000) String description) {
    }

    record ProposeInput(@NotBlank @Size(max = 20) String managerId, @NotNull Grade targetGrade,
                        @NotBlank @Size(max = 2000) String reason) {
    }

    record FilterInput(@Size(max = 20) String managerId, PersonnelKind kind, PersonnelState state) {
    }

    record CasePayload(PersonnelCase personnelCase) {
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    PersonnelCase personnelCase(@Argument String id) {
        long caseId = Ids.parse("id", id);
        return cases.find(caseId).orElseThrow(() -> DomainException.notFound("id", "personnelCase", caseId));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<PersonnelCase> personnelCases(@Argument @Valid FilterInput filter, @Argument Integer first, @Argument String after,
                                             @Argument Integer last, @Argument String before) {
        FilterInput f = filter == null ? new FilterInput(null, null, null) : filter;
        Long manager = Ids.optional("filter.managerId", f.managerId());
        return cases.page(new PersonnelCases.CaseFilter(manager, f.kind(), f.state()), new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR','HR')")
    CasePayload reportMisconduct(@Argument @Valid ReportMisconductInput input) {
        return new CasePayload(cases.reportMisconduct(Ids.parse("input.managerId", input.managerId()), input.category(),
                input.occurredOn(), input.description().trim()));
    }

    @MutationMapping
    @PreAuthorize("hasRole('COMMITTEE')")
    CasePayload proposeExceptionalPromotion(@Argument @Valid ProposeInput input) {
        return new CasePayload(cases.proposeExceptionalPromotion(Ids.parse("input.managerId", input.managerId()), input.targetGrade(),
                input.reason().trim()));
    }

    @SchemaMapping
    String id(PersonnelCase c) {
        return String.valueOf(c.getId());
    }

    @SchemaMapping
    String managerId(PersonnelCase c) {
        return String.valueOf(c.getManagerId());
    }

    @SchemaMapping
    MisconductCategory category(PersonnelCase c) {
        return c.getKind() == PersonnelKind.MISCONDUCT ? MisconductCategory.valueOf(c.getCause()) : null;
    }

    @SchemaMapping
    ExitReviewDue.Cause exitCause(PersonnelCase c) {
        return c.getKind() == PersonnelKind.EXIT_REVIEW ? ExitReviewDue.Cause.valueOf(c.getCause()) : null;
    }

    @BatchMapping
    Map<PersonnelCase, CustomerManager> manager(List<PersonnelCase> batch) {
        return Batches.pair(batch, PersonnelCase::getManagerId, managers.byIds(batch.stream().map(PersonnelCase::getManagerId).toList()), null);
    }
}
