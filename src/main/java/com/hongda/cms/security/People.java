package com.hongda.cms.security;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of the company as the API manages them: users created through the API, roles granted
 * and taken back with a reason (every change kept, see {@link RoleChange}), and the look-up a front
 * end's person picker needs. Rules: ADMIN may do everything; HR may create users and grant or revoke
 * every role but ADMIN; the last administrator keeps ADMIN.
 */
@Service
public class People {

    /** Login ids the engine accepts (its user whitelist), at most 64 characters. */
    static final Pattern LOGIN_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");

    private final IdentityService identity;
    private final Logins logins;
    private final RoleChangeRepository history;
    private final NamedParameterJdbcTemplate jdbc;
    private final Paging paging;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final LoginVersions versions;
    private final java.time.Clock clock;

    People(IdentityService identity, Logins logins, RoleChangeRepository history, NamedParameterJdbcTemplate jdbc,
           Paging paging, org.springframework.transaction.PlatformTransactionManager transactionManager,
           LoginVersions versions, java.time.Clock clock) {
        this.versions = versions;
        this.clock = clock;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.identity = identity;
        this.logins = logins;
        this.history = history;
        this.jdbc = jdbc;
        this.paging = paging;
    }

    /** A new login with its roles; the engine user and the role grants commit together. */
    @Transactional
    public Person create(String id, String name, String email, String password, List<Role> roles, String reason) {
        String by = CurrentUser.id();
        if (!LOGIN_ID.matcher(id).matches()) {
            throw DomainException.badRequest("input.id", "FORMAT", "error.person.idFormat");
        }
        mayGrant(roles);
        checkPassword(password, "input.password");
        if (identity.createUserQuery().userId(id).count() > 0) {
            throw DomainException.conflict("input.id", "USER_EXISTS", "error.person.exists", id);
        }
        User user = identity.newUser(id);
        user.setFirstName(name.trim());
        user.setLastName("");
        user.setEmail(Texts.blankToNull(email));
        user.setPassword(password);
        identity.saveUser(user);
        String why = reason(reason, "CREATED");
        for (Role role : roles) {
            logins.grantRole(id, role, why, by);
        }
        return new Person(id, name.trim(), user.getEmail());
    }

    /**
     * The caller changes their own password: the current one must be right (the engine's check,
     * lock-out included), the new one strong. Every node asks for the new one at the next request.
     * The check runs in a transaction of its own, so that a wrong password counts towards the
     * engine's lock-out even though the change is refused.
     */
    public void changeOwnPassword(String current, String next) {
        String me = CurrentUser.id();
        if (!identity.checkPassword(me, current)) {
            throw DomainException.badRequest("input.currentPassword", "WRONG_PASSWORD", "error.person.wrongPassword");
        }
        checkPassword(next, "input.newPassword");
        if (next.equals(current)) {
            throw DomainException.badRequest("input.newPassword", "SAME_PASSWORD", "error.person.samePassword");
        }
        transactions.executeWithoutResult(tx -> {
            User user = identity.createUserQuery().userId(me).singleResult();
            user.setPassword(next);
            identity.saveUser(user);
            logins.changed(me);
        });
    }

    @Transactional
    public RoleChangeResult grant(String userId, Role role, String reason) {
        mayGrant(List.of(role));
        existing(userId);
        return new RoleChangeResult(userId, role, logins.grantRole(userId, role, reason(reason, null), CurrentUser.id()));
    }

    @Transactional
    public RoleChangeResult revoke(String userId, Role role, String reason) {
        mayGrant(List.of(role));
        existing(userId);
        return new RoleChangeResult(userId, role, logins.revokeRole(userId, role, reason(reason, null), CurrentUser.id()));
    }

    /**
     * Disables or enables a login (ADMIN only): a disabled login cannot sign in, with a password or a
     * token, and is left out of pickers and panels; its history stays. Nobody disables themself, and
     * the last enabled administrator stays enabled.
     */
    @Transactional
    public boolean setEnabled(String userId, boolean enabled, String reason) {
        String by = CurrentUser.id();
        existing(userId);
        String why = reason(reason, null);
        if (!enabled && userId.equals(by)) {
            throw DomainException.conflict("input.userId", "DISABLE_SELF", "error.person.disableSelf");
        }
        // Serialised like the ADMIN revocations, so two administrators cannot disable each other at once.
        logins.lockAdministrators();
        boolean disabled = versions.state(userId).disabled();
        if (disabled == !enabled) {
            return false;
        }
        if (!enabled && logins.holds(userId, Role.ADMIN) && enabledAdmins() <= 1) {
            throw DomainException.conflict("input.userId", "LAST_ADMIN", "error.role.lastAdmin", userId);
        }
        logins.changed(userId);
        versions.setDisabled(userId, !enabled);
        jdbc.update("insert into login_status_change (user_id, enabled, reason, changed_by, changed_at) "
                + "values (:u, :e, :r, :b, :t)", new MapSqlParameterSource("u", userId).addValue("e", enabled)
                .addValue("r", why).addValue("b", by).addValue("t", java.sql.Timestamp.from(clock.instant())));
        return true;
    }

    /** One disabling or enabling of a login. */
    public record LoginStatusChange(String userId, boolean enabled, String reason, String changedBy, java.time.Instant changedAt) {
    }

    /** Every disabling and enabling of one login, newest first. */
    @Transactional(readOnly = true)
    public List<LoginStatusChange> statusChanges(String userId) {
        return jdbc.query("select user_id, enabled, reason, changed_by, changed_at from login_status_change "
                        + "where user_id = :u order by id desc", new MapSqlParameterSource("u", userId),
                (rs, i) -> new LoginStatusChange(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
    }

    /** Whether each of these logins is enabled (a login never disabled is). */
    @Transactional(readOnly = true)
    public Map<String, Boolean> enabled(Collection<String> userIds) {
        Map<String, Boolean> result = new HashMap<>();
        userIds.forEach(id -> result.put(id, true));
        if (!userIds.isEmpty()) {
            jdbc.query("select user_id from login_version where disabled = true and user_id in (:ids)",
                    new MapSqlParameterSource("ids", userIds), rs -> {
                        result.put(rs.getString(1), false);
                    });
        }
        return result;
    }

    private long enabledAdmins() {
        Long n = jdbc.getJdbcTemplate().queryForObject("select count(*) from ACT_ID_MEMBERSHIP M left join login_version L "
                + "on L.user_id = M.USER_ID_ where M.GROUP_ID_ = ? and (L.disabled is null or L.disabled = false)",
                Long.class, Role.ADMIN.name());
        return n == null ? 0 : n;
    }

    /** The outcome of a grant or revoke: {@code changed} is false when there was nothing to change. */
    public record RoleChangeResult(String userId, Role role, boolean changed) {
    }

    /**
     * People for pickers, by login id: only holders of a role, or whose name contains a text; enabled
     * logins only unless {@code enabled} says otherwise (false: only disabled ones).
     */
    @Transactional(readOnly = true)
    public Connection<Person> page(Role role, String nameContains, Boolean enabled, PageArgs args) {
        StringBuilder where = new StringBuilder(" from ACT_ID_USER U left join login_version L on L.user_id = U.ID_ where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        boolean wantEnabled = enabled == null || enabled;
        where.append(wantEnabled ? " and (L.disabled is null or L.disabled = false)" : " and L.disabled = true");
        if (role != null) {
            where.append(" and exists (select 1 from ACT_ID_MEMBERSHIP M where M.USER_ID_ = U.ID_ and M.GROUP_ID_ = :role)");
            params.addValue("role", role.name());
        }
        String name = Texts.blankToNull(nameContains);
        if (name != null) {
            where.append(" and lower(U.FIRST_) like :name escape '!'");
            params.addValue("name", "%" + name.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        java.util.function.LongSupplier count = () -> {
            Long n = jdbc.queryForObject("select count(*)" + where, params, Long.class);
            return n == null ? 0 : n;
        };
        Paging.Window w = paging.window(args, count);
        MapSqlParameterSource page = new MapSqlParameterSource(params.getValues()).addValue("limit", w.size() + 1)
                .addValue("offset", w.offset());
        List<Person> rows = jdbc.query("select U.ID_, U.FIRST_, U.LAST_, U.EMAIL_" + where + " order by U.ID_ limit :limit offset :offset",
                page, (rs, i) -> Directory.person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        return paging.connection(w, rows, count);
    }

    /** The roles of each of these people, in one statement. */
    @Transactional(readOnly = true)
    public Map<String, List<Role>> roles(Collection<String> userIds) {
        Map<String, List<Role>> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        jdbc.query("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ in (:ids) order by GROUP_ID_",
                new MapSqlParameterSource("ids", userIds), rs -> {
                    for (Role r : Role.values()) {
                        if (r.name().equals(rs.getString(2))) {
                            result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(r);
                        }
                    }
                });
        return result;
    }

    /** Every grant and revoke, newest first; of one person when {@code userId} is given. */
    @Transactional(readOnly = true)
    public Connection<RoleChange> roleChanges(String userId, PageArgs args) {
        Specification<RoleChange> spec = userId == null ? Specification.where(null)
                : (root, q, cb) -> cb.equal(root.get("userId"), userId);
        return paging.page(RoleChange.class, spec, Sort.by(Sort.Order.desc("id")), args);
    }

    private void existing(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw DomainException.notFound("input.userId", "user", userId);
        }
    }

    /** Only an administrator grants or takes back ADMIN. */
    private static void mayGrant(Collection<Role> roles) {
        if (roles.contains(Role.ADMIN) && !CurrentUser.hasAnyRole(Role.ADMIN)) {
            throw DomainException.forbidden("error.role.onlyAdmin");
        }
    }

    /** At least 10 characters, with a letter and a digit. */
    private static void checkPassword(String password, String field) {
        if (password.length() < 10 || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw DomainException.badRequest(field, "WEAK_PASSWORD", "error.person.weakPassword");
        }
    }

    private static String reason(String given, String fallback) {
        String r = Texts.blankToNull(given);
        if (r == null && fallback == null) {
            throw DomainException.badRequest("input.reason", "REQUIRED", "error.role.reason");
        }
        return r == null ? fallback : r;
    }
}
