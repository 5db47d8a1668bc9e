package com.hongda.cms.prospect;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Region;
import com.hongda.cms.common.Texts;
import com.hongda.cms.customer.Contact;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.CustomerInput.ContactInput;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.customer.CustomerType;
import com.hongda.cms.customer.Industry;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
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

/** The {@code Prospect} type, its queries and mutations. */
@Controller
@SchemaMapping(typeName = "Prospect")
class ProspectController {

    private final Prospects prospects;
    private final CustomerService customers;
    private final ManagerService managers;
    private final Clock clock;

    ProspectController(Prospects prospects, CustomerService customers, ManagerService managers, Clock clock) {
        this.prospects = prospects;
        this.customers = customers;
        this.managers = managers;
        this.clock = clock;
    }

    record RegisterInput(@NotBlank @Size(max = 200) String name, @NotNull CustomerType type, @NotNull Industry industry,
                         @NotNull Region region, @NotNull @Min(0) @Max(10_000_000) Integer employees,
                         @NotNull @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal monthlyRevenue,
                         @Size(max = 20) List<@Valid @NotNull ContactInput> contacts, @NotNull FollowUpClass followUpClass,
                         @Size(max = 20) String managerId) {
    }

    record FollowUpInput(@NotBlank @Size(max = 20) String prospectId, @NotNull LocalDate contactedOn,
                         @NotBlank @Size(max = 2000) String notes) {
    }

    record CloseInput(@NotBlank @Size(max = 20) String prospectId, @NotNull ProspectResult result, @Size(max = 500) String reason) {
    }

    record FilterInput(@Size(max = 20) String managerId, ProspectState state, Boolean overdue) {
    }

    record Payload(Prospect prospect) {
    }

    record FollowUpPayload(Prospect prospect, ProspectFollowUp followUp) {
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('MANAGER','SUPERVISOR','ADMIN')")
    Payload registerProspect(@Argument @Valid RegisterInput input) {
        List<Contact> contacts = input.contacts() == null ? List.of() : input.contacts().stream()
                .map(c -> new Contact(c.name().strip(), Texts.blankToNull(c.title()), Texts.blankToNull(c.phone()), Texts.blankToNull(c.email())))
                .toList();
        return new Payload(prospects.register(new NewProspect(input.name().strip(), input.type(), input.industry(), input.region(),
                input.employees(), input.monthlyRevenue(), contacts, input.followUpClass(), Ids.optional("input.managerId", input.managerId())),
                CurrentUser.id()));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
    FollowUpPayload recordProspectFollowUp(@Argument @Valid FollowUpInput input) {
        long id = Ids.parse("input.prospectId", input.prospectId());
        ProspectFollowUp f = prospects.recordFollowUp(id, input.contactedOn(), input.notes().strip(), CurrentUser.id());
        return new FollowUpPayload(prospects.find(id).orElseThrow(), f);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
    Payload closeProspect(@Argument @Valid CloseInput input) {
        return new Payload(prospects.close(Ids.parse("input.prospectId", input.prospectId()), input.result(),
                Texts.blankToNull(input.reason()), CurrentUser.id()));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Prospect prospect(@Argument String id) {
        long prospectId = Ids.parse("id", id);
        return prospects.find(prospectId).orElseThrow(() -> DomainException.notFound("id", "prospect", prospectId));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<Prospect> prospects(@Argument @Valid FilterInput filter, @Argument Integer first, @Argument String after,
                                   @Argument Integer last, @Argument String before) {
        FilterInput f = filter == null ? new FilterInput(null, null, null) : filter;
        return prospects.page(new Prospects.Filter(Ids.optional("filter.managerId", f.managerId()), f.state(), f.overdue()),
                new PageArgs(first, after, last, before));
    }

    @SchemaMapping
    String id(Prospect p) {
        return String.valueOf(p.getId());
    }

    @SchemaMapping
    boolean overdue(Prospect p) {
        return p.overdue(clock.instant());
    }

    @SchemaMapping
    ProspectResult result(Prospect p) {
        return switch (p.getState()) {
            case WON -> ProspectResult.WON;
            case LOST -> ProspectResult.LOST;
            case FOLLOWING -> null;
        };
    }

    @SchemaMapping
    String reason(Prospect p) {
        return p.getResultReason();
    }

    @BatchMapping
    Map<Prospect, List<Contact>> contacts(List<Prospect> batch) {
        return Batches.pair(batch, Prospect::getId, prospects.contacts(batch), List.of());
    }

    @BatchMapping
    Map<Prospect, CustomerManager> manager(List<Prospect> batch) {
        return Batches.pair(batch, Prospect::getManagerId, managers.byIds(batch.stream().map(Prospect::getManagerId).distinct().toList()), null);
    }

    /** The customer it became; shown to those who may see the prospect (the customer is its manager's). */
    @BatchMapping
    Map<Prospect, Customer> customer(List<Prospect> batch) {
        return Batches.pair(batch, Prospect::getCustomerId, customers.byIds(batch.stream().map(Prospect::getCustomerId)
                .filter(java.util.Objects::nonNull).distinct().toList()), null);
    }

    @BatchMapping
    Map<Prospect, List<ProspectFollowUp>> followUps(List<Prospect> batch) {
        return Batches.pair(batch, Prospect::getId, prospects.followUps(batch.stream().map(Prospect::getId).toList()), List.of());
    }

    @SchemaMapping(typeName = "ProspectFollowUp", field = "id")
    String followUpId(ProspectFollowUp f) {
        return String.valueOf(f.getId());
    }

}
