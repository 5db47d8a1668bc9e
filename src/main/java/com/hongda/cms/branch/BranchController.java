package com.hongda.cms.branch;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Region;
import com.hongda.cms.security.Access;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Directory;
import com.hongda.cms.security.Person;
import com.hongda.cms.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code Branch} type, its queries and the mutations that create and change branches. */
@Controller
@SchemaMapping(typeName = "Branch")
class BranchController {

    private final Branches branches;
    private final Directory directory;

    BranchController(Branches branches, Directory directory) {
        this.branches = branches;
        this.directory = directory;
    }

    record SettingsInput(@Min(0) @Max(100) Integer juniorTargetPercent, @Min(0) @Max(100) Integer intermediateTargetPercent,
                         @Min(0) @Max(100) Integer seniorCapPercent, @Min(1) @Max(BranchRules.MAX_CAPACITY) Integer urbanCapacity,
                         @Min(1) @Max(BranchRules.MAX_CAPACITY) Integer ruralCapacity) {
        BranchSettings.Own own() {
            return new BranchSettings.Own(juniorTargetPercent, intermediateTargetPercent, seniorCapPercent, urbanCapacity, ruralCapacity);
        }
    }

    record CreateBranchInput(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 100) String name, @NotNull Region region,
                             @Size(max = 20) String parentId, @Size(max = 64) String headId, @Valid SettingsInput settings,
                             @Size(max = 500) String reason) {
    }

    /** {@code parentId} tells "omitted" (unchanged) from null (top level). */
    record UpdateBranchInput(@NotBlank @Size(max = 20) String id, @Size(max = 100) String name, Region region,
                             ArgumentValue<String> parentId, @Valid SettingsInput settings,
                             @NotBlank @Size(max = 500) String reason) {
    }

    record SetBranchHeadInput(@NotBlank @Size(max = 20) String branchId, @Size(max = 64) String headId,
                              @NotBlank @Size(max = 500) String reason) {
    }

    record FilterInput(@Size(max = 20) String parentId, Boolean topLevel, Region region, @Size(max = 200) String nameContains) {
    }

    record BranchPayload(Branch branch) {
    }

    record SetBranchHeadPayload(Branch branch, boolean changed) {
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Branch branch(@Argument String id) {
        return branches.get("id", Ids.parse("id", id));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<Branch> branches(@Argument @Valid FilterInput filter, @Argument Integer first, @Argument String after,
                                @Argument Integer last, @Argument String before) {
        FilterInput f = filter == null ? new FilterInput(null, null, null, null) : filter;
        Long parent = Ids.optional("filter.parentId", f.parentId());
        return branches.page(new Branches.BranchFilter(parent, f.topLevel(), f.region(), f.nameContains()),
                new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    BranchPayload createBranch(@Argument @Valid CreateBranchInput input) {
        Long parent = Ids.optional("input.parentId", input.parentId());
        return new BranchPayload(branches.create(new Branches.NewBranch(input.code(), input.name(), input.region(), parent,
                input.headId(), input.settings() == null ? null : input.settings().own(), input.reason()), CurrentUser.id()));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    BranchPayload updateBranch(@Argument @Valid UpdateBranchInput input) {
        long id = Ids.parse("input.id", input.id());
        ArgumentValue<String> parent = input.parentId() == null ? ArgumentValue.omitted() : input.parentId();
        String parentText = parent.value();
        if (parentText != null && parentText.length() > 20) {
            throw DomainException.badRequest("input.parentId", "ID_FORMAT", "error.idFormat", "input.parentId");
        }
        Long parentId = Ids.optional("input.parentId", parentText);
        return new BranchPayload(branches.update(id, new Branches.BranchUpdate(input.name(), input.region(), !parent.isOmitted(),
                parentId, input.settings() == null ? null : input.settings().own(), input.reason()), CurrentUser.id()));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    SetBranchHeadPayload setBranchHead(@Argument @Valid SetBranchHeadInput input) {
        long id = Ids.parse("input.branchId", input.branchId());
        boolean changed = branches.setHead(id, input.headId(), input.reason(), CurrentUser.id());
        return new SetBranchHeadPayload(branches.get("input.branchId", id), changed);
    }

    @SchemaMapping
    String id(Branch branch) {
        return String.valueOf(branch.getId());
    }

    @SchemaMapping
    String parentId(Branch branch) {
        return branch.getParentId() == null ? null : String.valueOf(branch.getParentId());
    }

    @SchemaMapping
    String headId(Branch branch) {
        return branch.getHeadUserId();
    }

    @BatchMapping
    Map<Branch, Branch> parent(List<Branch> batch) {
        return Batches.pair(batch, Branch::getParentId, branches.byIds(batch.stream().map(Branch::getParentId).toList()), null);
    }

    @BatchMapping
    Map<Branch, Person> head(List<Branch> batch) {
        return Batches.pair(batch, Branch::getHeadUserId, directory.people(batch.stream().map(Branch::getHeadUserId).toList()), null);
    }

    @SchemaMapping
    @PreAuthorize(Access.STAFF)
    BranchSettings settings(Branch branch) {
        return branches.settings(branch);
    }

    @BatchMapping
    Map<Branch, List<BranchChange>> changes(List<Branch> batch) {
        if (!CurrentUser.hasAnyRole(Role.HR, Role.AUDITOR, Role.ADMIN)) {
            return Batches.pair(batch, Branch::getId, Map.of(), List.of());
        }
        return Batches.pair(batch, Branch::getId, branches.changes(batch.stream().map(Branch::getId).toList()), List.of());
    }
}
