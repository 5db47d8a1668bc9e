package com.hongda.cms.branch;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Region;
import com.hongda.cms.common.Specs;
import com.hongda.cms.security.BranchDirectory;
import com.hongda.cms.security.Directory;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes branches, each change recorded ({@link BranchChange}), and answers what other
 * modules ask of them: does a branch exist, which settings hold in it, who heads it.
 */
@Service
public class Branches implements BranchDirectory {

    /** Branch codes: letters, digits, '-' or '_', at most 32. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final BranchRepository branches;
    private final BranchChangeRepository changes;
    private final BranchProperties defaults;
    private final Directory directory;
    private final Paging paging;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    Branches(BranchRepository branches, BranchChangeRepository changes, BranchProperties defaults, Directory directory,
             Paging paging, Clock clock, ApplicationEventPublisher events,
             org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named) {
        this.named = named;
        this.jdbc = named.getJdbcTemplate();
        this.branches = branches;
        this.changes = changes;
        this.defaults = defaults;
        this.directory = directory;
        this.paging = paging;
        this.clock = clock;
        this.events = events;
    }

    /** What creating a branch needs; {@code settings} may be null (all defaults). */
    public record NewBranch(String code, String name, Region region, Long parentId, String headId,
                            BranchSettings.Own settings, String reason) {
    }

    /**
     * A new branch. The code and the name are unused (the unique keys decide between simultaneous
     * creations), the parent exists, the head is an enabled person holding SUPERVISOR, and the
     * settings in effect keep the rules.
     */
    @Transactional
    public Branch create(NewBranch in, String actor) {
        String code = in.code().trim();
        if (!CODE.matcher(code).matches()) {
            throw DomainException.badRequest("input.code", "FORMAT", "error.branch.codeFormat");
        }
        String name = in.name().trim();
        if (branches.existsByCode(code)) {
            throw DomainException.conflict("input.code", "BRANCH_CODE_TAKEN", "error.branch.codeTaken", code);
        }
        if (branches.existsByName(name)) {
            throw DomainException.conflict("input.name", "BRANCH_NAME_TAKEN", "error.branch.nameTaken", name);
        }
        if (in.parentId() != null) {
            get("input.parentId", in.parentId());
        }
        String head = in.headId() == null ? null : in.headId().trim();
        if (head != null) {
            checkHead(head);
        }
        BranchSettings.Own settings = in.settings() == null ? BranchSettings.Own.NONE : in.settings();
        checkSettings(settings);
        Instant now = clock.instant();
        Branch branch;
        try {
            branch = branches.saveAndFlush(new Branch(code, name, in.region(), in.parentId(), head, settings, now));
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict("input.code", "BRANCH_CODE_TAKEN", "error.branch.codeTaken", code);
        }
        String reason = in.reason() == null || in.reason().isBlank() ? "CREATED" : in.reason().trim();
        record(branch, "CREATED", null, code, reason, actor, now);
        if (head != null) {
            record(branch, "HEAD", null, head, reason, actor, now);
        }
        return branch;
    }

    /** The changes of {@code updateBranch}; a null value leaves that part as it is. */
    public record BranchUpdate(String name, Region region, boolean parentGiven, Long parentId,
                               BranchSettings.Own settings, String reason) {
    }

    /**
     * Changes a branch's name, region, parent or settings, each changed value recorded with the reason.
     * A branch cannot sit under itself or under one of its own sub-branches.
     */
    @Transactional
    public Branch update(long id, BranchUpdate in, String actor) {
        Branch branch = branches.findByIdForUpdate(id).orElseThrow(() -> DomainException.notFound("input.id", "branch", id));
        Instant now = clock.instant();
        String reason = in.reason().trim();
        if (in.name() != null && !in.name().trim().equals(branch.getName())) {
            String name = in.name().trim();
            if (branches.existsByNameAndIdNot(name, id)) {
                throw DomainException.conflict("input.name", "BRANCH_NAME_TAKEN", "error.branch.nameTaken", name);
            }
            record(branch, "NAME", branch.getName(), name, reason, actor, now);
            branch.rename(name, now);
        }
        if (in.region() != null && in.region() != branch.getRegion()) {
            record(branch, "REGION", branch.getRegion().name(), in.region().name(), reason, actor, now);
            branch.moveTo(in.region(), now);
        }
        if (in.parentGiven() && !Objects.equals(in.parentId(), branch.getParentId())) {
            if (in.parentId() != null) {
                get("input.parentId", in.parentId());
                checkNoCycle(id, in.parentId());
            }
            record(branch, "PARENT", text(branch.getParentId()), text(in.parentId()), reason, actor, now);
            branch.placeUnder(in.parentId(), now);
        }
        if (in.settings() != null) {
            checkSettings(in.settings());
            BranchSettings.Own before = branch.ownSettings();
            for (BranchSettings.Setting s : BranchSettings.Setting.values()) {
                if (!Objects.equals(before.get(s), in.settings().get(s))) {
                    record(branch, s.name(), text(before.get(s)), text(in.settings().get(s)), reason, actor, now);
                }
            }
            branch.settle(in.settings(), now);
        }
        try {
            return branches.saveAndFlush(branch);
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict("input.name", "BRANCH_NAME_TAKEN", "error.branch.nameTaken", in.name());
        }
    }

    /**
     * A new head for the branch (an enabled person holding SUPERVISOR), or none. The managers of the
     * branch that the old head supervised, or that had no supervisor, follow the new head in the same
     * transaction ({@link BranchHeadChanged}). Returns false when nothing changed.
     */
    @Transactional
    public boolean setHead(long id, String headId, String reason, String actor) {
        Branch branch = branches.findByIdForUpdate(id).orElseThrow(() -> DomainException.notFound("input.branchId", "branch", id));
        String head = headId == null || headId.isBlank() ? null : headId.trim();
        if (head != null) {
            checkHead(head);
        }
        String before = branch.getHeadUserId();
        if (Objects.equals(before, head)) {
            return false;
        }
        Instant now = clock.instant();
        record(branch, "HEAD", before, head, reason.trim(), actor, now);
        branch.headedBy(head, now);
        events.publishEvent(new BranchHeadChanged(id, before, head, reason.trim(), actor));
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(long branchId) {
        return branches.existsById(branchId);
    }

    /** The branch, or NOT_FOUND naming {@code field}. */
    @Transactional(readOnly = true)
    public Branch get(String field, long id) {
        return branches.findById(id).orElseThrow(() -> DomainException.notFound(field, "branch", id));
    }

    /**
     * Locks the branch's row until the transaction ends, or NOT_FOUND naming {@code field}: decisions that
     * count a branch's grade holders against its SENIOR cap (a promotion list, an exceptional promotion)
     * take it, so two of them never both fit under the cap.
     */
    @Transactional
    public Branch lock(String field, long id) {
        return branches.findByIdForUpdate(id).orElseThrow(() -> DomainException.notFound(field, "branch", id));
    }

    @Transactional(readOnly = true)
    public Optional<Branch> find(long id) {
        return branches.findById(id);
    }

    @Transactional(readOnly = true)
    public Map<Long, Branch> byIds(Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        return distinct.isEmpty() ? Map.of()
                : branches.findAllById(distinct).stream().collect(Collectors.toMap(Branch::getId, Function.identity()));
    }

    /** The settings in effect in a branch: its own, completed with the configured defaults. */
    public BranchSettings settings(Branch branch) {
        return BranchSettings.of(branch.ownSettings(), defaults.asSettings());
    }

    /** The settings in effect in each of these branches (absent ids are left out). */
    @Transactional(readOnly = true)
    public Map<Long, BranchSettings> settingsOf(Collection<Long> ids) {
        return byIds(ids).values().stream().collect(Collectors.toMap(Branch::getId, this::settings));
    }

    /**
     * The branches {@code user} heads, with every branch below them: where they supervise by
     * default. Empty for someone who heads none (one indexed statement), else one statement per level.
     */
    @Transactional(readOnly = true)
    public Set<Long> headedBy(String user) {
        return user == null ? new HashSet<>()
                : withBranchesBelow(jdbc.queryForList("select id from branch where head_user_id = ?", Long.class, user));
    }

    /** The branch and every branch below it (one statement per level). */
    @Transactional(readOnly = true)
    public Set<Long> withBranchesBelow(long branchId) {
        return withBranchesBelow(List.of(branchId));
    }

    private Set<Long> withBranchesBelow(List<Long> roots) {
        Set<Long> all = new HashSet<>();
        List<Long> level = roots;
        while (!level.isEmpty() && all.size() < 100_000) {
            List<Long> fresh = level.stream().filter(all::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            level = named.queryForList("select id from branch where parent_id in (:ids)", Map.of("ids", fresh), Long.class);
        }
        return all;
    }

    /** The filters of the {@code branches} query, each backed by an index but the name. */
    public record BranchFilter(Long parentId, Boolean topLevel, Region region, String nameContains) {
    }

    /** Branches by code. */
    @Transactional(readOnly = true)
    public Connection<Branch> page(BranchFilter filter, PageArgs args) {
        BranchFilter f = filter == null ? new BranchFilter(null, null, null, null) : filter;
        Specification<Branch> top = f.topLevel() == null ? null
                : (root, q, cb) -> f.topLevel() ? cb.isNull(root.get("parentId")) : cb.isNotNull(root.get("parentId"));
        Specification<Branch> spec = Specification.allOf(Specs.equal("parentId", f.parentId()), top,
                Specs.equal("region", f.region()), Specs.contains("filter.nameContains", "name", f.nameContains()));
        return paging.page(Branch.class, spec, Sort.by("code", "id"), args);
    }

    /** Every change of each of these branches, oldest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<BranchChange>> changes(Collection<Long> branchIds) {
        return changes.findByBranchIdInOrderByIdAsc(branchIds).stream().collect(Collectors.groupingBy(BranchChange::getBranchId));
    }

    private void checkHead(String head) {
        directory.refusal("input.headId", "headId", head, "SUPERVISOR").ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** The settings in effect (own, completed with the defaults) keep the ranges and add up to 100 %. */
    private void checkSettings(BranchSettings.Own own) {
        BranchRules.Violation wrong = BranchRules.check(own);
        if (wrong == null) {
            BranchSettings e = BranchSettings.of(own, defaults.asSettings());
            wrong = BranchRules.check(new BranchSettings.Own(e.juniorTargetPercent(), e.intermediateTargetPercent(),
                    e.seniorCapPercent(), e.urbanCapacity(), e.ruralCapacity()));
        }
        if (wrong != null && wrong.setting() != null) {
            throw DomainException.badRequest("input.settings." + field(wrong.setting()), "RANGE", "error.branch.settingRange",
                    field(wrong.setting()), wrong.min(), wrong.max());
        }
        if (wrong != null) {
            throw DomainException.badRequest("input.settings", "TARGETS_SUM", "error.branch.targetsSum", wrong.sum());
        }
    }

    /** A branch may not become its own ancestor. */
    private void checkNoCycle(long id, long parentId) {
        Long at = parentId;
        for (int depth = 0; at != null; depth++) {
            if (at == id || depth > 1000) {
                throw DomainException.conflict("input.parentId", "BRANCH_CYCLE", "error.branch.cycle");
            }
            at = branches.findById(at).map(Branch::getParentId).orElse(null);
        }
    }

    private void record(Branch b, String field, String from, String to, String reason, String actor, Instant at) {
        changes.save(new BranchChange(b.getId(), field, from, to, reason, actor, at));
    }

    /** The input field of a setting, e.g. seniorCapPercent. */
    static String field(BranchSettings.Setting s) {
        String[] parts = s.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
