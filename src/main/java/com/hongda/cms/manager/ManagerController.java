package com.hongda.cms.manager;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.security.Access;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Directory;
import com.hongda.cms.security.Person;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code Manager} type, its queries and the mutation that registers one. */
@Controller
@SchemaMapping(typeName = "Manager")
class ManagerController {

    private final ManagerService service;
    private final Directory directory;
    private final com.hongda.cms.branch.Branches branches;

    ManagerController(ManagerService service, Directory directory, com.hongda.cms.branch.Branches branches) {
        this.service = service;
        this.directory = directory;
        this.branches = branches;
    }

    /** The payload of {@code createManager}. */
    record ManagerPayload(CustomerManager manager) {
    }

    @QueryMapping
    @PreAuthorize(Access.STAFF)
    CustomerManager manager(@Argument String id) {
        long managerId = Ids.parse("id", id);
        return service.find(managerId).orElseThrow(() -> DomainException.notFound("id", "manager", managerId));
    }

    @QueryMapping
    @PreAuthorize(Access.STAFF)
    Connection<CustomerManager> managers(@Argument ManagerFilter filter, @Argument ManagerSort sort,
                                         @Argument Integer first, @Argument String after,
                                         @Argument Integer last, @Argument String before) {
        return service.page(filter, sort, new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    ManagerPayload createManager(@Argument @Valid CreateManagerInput input) {
        return new ManagerPayload(service.register(input, CurrentUser.id()));
    }

    /** The input of {@code changeSupervisor}. */
    record ChangeSupervisorInput(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 20) String managerId,
                                 @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 64) String supervisorId,
                                 @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    /** The payload of {@code changeSupervisor}. */
    record ChangeSupervisorPayload(CustomerManager manager, boolean changed) {
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    ChangeSupervisorPayload changeSupervisor(@Argument @Valid ChangeSupervisorInput input) {
        long managerId = Ids.parse("input.managerId", input.managerId());
        boolean changed = service.changeSupervisor(managerId, input.supervisorId().trim(), input.reason().trim(), CurrentUser.id());
        return new ChangeSupervisorPayload(service.get("input.managerId", managerId), changed);
    }

    /** The input of {@code transferManager}. */
    record TransferManagerInput(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 20) String managerId,
                                @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 20) String branchId,
                                @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    /** The payload of {@code transferManager}. */
    record TransferManagerPayload(CustomerManager manager, boolean changed) {
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    TransferManagerPayload transferManager(@Argument @Valid TransferManagerInput input) {
        long managerId = Ids.parse("input.managerId", input.managerId());
        long branchId = Ids.parse("input.branchId", input.branchId());
        boolean changed = service.transfer(managerId, branchId, input.reason().trim(), CurrentUser.id());
        return new TransferManagerPayload(service.get("input.managerId", managerId), changed);
    }

    /** The input of {@code recordLeave}. */
    record RecordLeaveInput(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 20) String managerId,
                            @jakarta.validation.constraints.NotNull LeaveKind kind,
                            @jakarta.validation.constraints.NotNull java.time.LocalDate startsOn,
                            @jakarta.validation.constraints.NotNull java.time.LocalDate endsOn,
                            @jakarta.validation.constraints.Size(max = 500) String note) {
    }

    /** The payload of {@code recordLeave}. */
    record LeavePayload(Leave leave) {
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    LeavePayload recordLeave(@Argument @Valid RecordLeaveInput input) {
        long managerId = Ids.parse("input.managerId", input.managerId());
        return new LeavePayload(service.recordLeave(managerId, input.kind(), input.startsOn(), input.endsOn(), input.note(),
                CurrentUser.id()));
    }

    /** Leave is personal: HR, ADMIN and AUDITOR see it, and the manager's supervisors (theirs and the branch heads above) and the manager themself. */
    @BatchMapping
    Map<CustomerManager, List<Leave>> leaves(List<CustomerManager> managers) {
        String me = CurrentUser.id();
        boolean all = CurrentUser.hasAnyRole(com.hongda.cms.security.Role.HR, com.hongda.cms.security.Role.ADMIN,
                com.hongda.cms.security.Role.AUDITOR);
        java.util.Set<Long> supervised = all ? java.util.Set.of() : service.supervisedBy(me, managers);
        List<Long> visible = managers.stream().filter(m -> all || me.equals(m.getUserId()) || supervised.contains(m.getId()))
                .map(CustomerManager::getId).toList();
        Map<Long, List<Leave>> found = visible.isEmpty() ? Map.of() : service.leaves(visible);
        return Batches.pair(managers, CustomerManager::getId, found, List.of());
    }

    @BatchMapping
    Map<CustomerManager, List<SupervisorChange>> supervisorHistory(List<CustomerManager> managers) {
        Map<Long, List<SupervisorChange>> histories = service.supervisorHistories(managers.stream().map(CustomerManager::getId).toList());
        return Batches.pair(managers, CustomerManager::getId, histories, List.of());
    }

    @SchemaMapping
    String id(CustomerManager manager) {
        return String.valueOf(manager.getId());
    }

    @SchemaMapping
    String branchId(CustomerManager manager) {
        return String.valueOf(manager.getBranchId());
    }

    @BatchMapping
    Map<CustomerManager, com.hongda.cms.branch.Branch> branch(List<CustomerManager> managers) {
        return Batches.pair(managers, CustomerManager::getBranchId,
                branches.byIds(managers.stream().map(CustomerManager::getBranchId).toList()), null);
    }

    @BatchMapping
    Map<CustomerManager, Integer> capacity(List<CustomerManager> managers) {
        return Batches.pair(managers, CustomerManager::getId, service.capacities(managers), 0);
    }

    @BatchMapping
    Map<CustomerManager, List<ManagerBranchChange>> branchHistory(List<CustomerManager> managers) {
        Map<Long, List<ManagerBranchChange>> histories = service.branchHistories(managers.stream().map(CustomerManager::getId).toList());
        return Batches.pair(managers, CustomerManager::getId, histories, List.of());
    }

    @SchemaMapping
    String supervisorId(CustomerManager manager) {
        return manager.getSupervisorUserId();
    }

    @BatchMapping
    Map<CustomerManager, Person> supervisor(List<CustomerManager> managers) {
        Map<String, Person> people = directory.people(managers.stream().map(CustomerManager::getSupervisorUserId).toList());
        return Batches.pair(managers, CustomerManager::getSupervisorUserId, people, null);
    }

    @BatchMapping
    Map<CustomerManager, List<StatusChange>> statusHistory(List<CustomerManager> managers) {
        Map<Long, List<StatusChange>> histories = service.statusHistories(managers.stream().map(CustomerManager::getId).toList());
        return Batches.pair(managers, CustomerManager::getId, histories, List.of());
    }

    @BatchMapping
    Map<CustomerManager, List<GradeChange>> gradeHistory(List<CustomerManager> managers) {
        Map<Long, List<GradeChange>> histories = service.gradeHistories(managers.stream().map(CustomerManager::getId).toList());
        return Batches.pair(managers, CustomerManager::getId, histories, List.of());
    }
}
