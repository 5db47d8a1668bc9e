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
import org.camunda.bpm.engine.identity.UserQuery;
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

    People(IdentityService identity, Logins logins, RoleChangeRepository history, NamedParameterJdbcTemplate jdbc,
           Paging paging, org.springframework.transaction.PlatformTransactionManager transactionManager) {
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
        mayGrant(roles, "input.roles");
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
        mayGrant(List.of(role), "input.role");
        existing(userId);
        return new RoleChangeResult(userId, role, logins.grantRole(userId, role, reason(reason, null), CurrentUser.id()));
    }

    @Transactional
    public RoleChangeResult revoke(String userId, Role role, String reason) {
        mayGrant(List.of(role), "input.role");
        existing(userId);
        return new RoleChangeResult(userId, role, logins.revokeRole(userId, role, reason(reason, null), CurrentUser.id()));
    }

    /** The outcome of a grant or revoke: {@code changed} is false when there was nothing to change. */
    public record RoleChangeResult(String userId, Role role, boolean changed) {
    }

    /** People for pickers: optionally only holders of a role, or whose name contains a text; by login id. */
    @Transactional(readOnly = true)
    public Connection<Person> page(Role role, String nameContains, PageArgs args) {
        java.util.function.Supplier<UserQuery> query = () -> {
            UserQuery q = identity.createUserQuery();
            if (role != null) {
                q.memberOfGroup(role.name());
            }
            String name = Texts.blankToNull(nameContains);
            if (name != null) {
                q.userFirstNameLike("%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return q.orderByUserId().asc();
        };
        Paging.Window w = paging.window(args, () -> query.get().count());
        List<Person> rows = query.get().listPage((int) w.offset(), w.size() + 1).stream().map(Directory::toPerson).toList();
        return paging.connection(w, rows, () -> query.get().count());
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
    private static void mayGrant(Collection<Role> roles, String field) {
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
