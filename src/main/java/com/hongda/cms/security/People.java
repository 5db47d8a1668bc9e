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
 * end's person picker needs. Rules: ADMIN may do everything; HR may create users, edit profiles, reset
 * passwords and grant or revoke every role, except for ADMIN and for people holding ADMIN; the last
 * administrator keeps ADMIN. A password someone else chose (createUser, resetPassword) must be
 * changed at the next sign-in ({@link PasswordChangeGate}).
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
    private final BranchDirectory branches;
    private final JwtProperties tokens;

    People(IdentityService identity, Logins logins, RoleChangeRepository history, NamedParameterJdbcTemplate jdbc,
           Paging paging, org.springframework.transaction.PlatformTransactionManager transactionManager,
           LoginVersions versions, java.time.Clock clock, BranchDirectory branches, JwtProperties tokens) {
        this.versions = versions;
        this.clock = clock;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.identity = identity;
        this.logins = logins;
        this.history = history;
        this.jdbc = jdbc;
        this.paging = paging;
        this.branches = branches;
        this.tokens = tokens;
    }

    /** What a person's profile says besides the login id: name, e-mail, phone and branch. */
    public record Details(String name, String email, String phone, Long branchId) {
    }

    /**
     * A new login with its profile and roles; the engine user, the login's state, the profile and the
     * role grants commit together. A PASSWORD login gets the password given and must change it at its
     * first sign-in (someone else chose it); a TOKEN login gets none (see {@link SignIn}).
     */
    @Transactional
    public Person create(String id, Details details, SignIn signIn, String password, List<Role> roles, String reason) {
        String by = CurrentUser.id();
        if (!LOGIN_ID.matcher(id).matches()) {
            throw DomainException.badRequest("input.id", "FORMAT", "error.person.idFormat");
        }
        mayGrant(roles);
        if (signIn == SignIn.TOKEN && password != null) {
            throw DomainException.badRequest("input.password", "TOKEN_SIGN_IN", "error.person.tokenHasNoPassword");
        }
        if (signIn == SignIn.PASSWORD) {
            if (password == null) {
                throw DomainException.badRequest("input.password", "REQUIRED", "error.person.passwordRequired");
            }
            checkPassword(password, "input.password");
        }
        checkBranch(details.branchId());
        if (identity.createUserQuery().userId(id).count() > 0) {
            throw DomainException.conflict("input.id", "USER_EXISTS", "error.person.exists", id);
        }
        User user = identity.newUser(id);
        user.setFirstName(details.name().trim());
        user.setLastName("");
        user.setEmail(Texts.blankToNull(details.email()));
        user.setPassword(signIn == SignIn.TOKEN ? TokenUsers.randomPassword() : password);
        identity.saveUser(user);
        logins.changed(id);
        versions.setSignIn(id, signIn, signIn == SignIn.PASSWORD);
        String phone = Texts.blankToNull(details.phone());
        jdbc.update("insert into person_profile (user_id, phone, branch_id) values (:u, :p, :b)",
                new MapSqlParameterSource("u", id).addValue("p", phone).addValue("b", details.branchId()));
        String why = reason(reason, "CREATED");
        for (Role role : roles) {
            logins.grantRole(id, role, why, by);
        }
        return new Person(id, details.name().trim(), user.getEmail(), new Person.Profile(phone, details.branchId(), signIn));
    }

    /**
     * Changes a person's profile: fields given as null keep their value; an empty e-mail or phone
     * clears it. HR may not change the profile of an ADMIN holder (an administrator's e-mail and
     * phone are where their account is recovered and alerts go), as HR may not grant ADMIN.
     */
    @Transactional
    public Person update(String userId, Details changes) {
        User user = existing(userId);
        mayManage(userId);
        checkBranch(changes.branchId());
        if (changes.name() != null) {
            user.setFirstName(changes.name().trim());
            user.setLastName("");
        }
        if (changes.email() != null) {
            user.setEmail(Texts.blankToNull(changes.email()));
        }
        identity.saveUser(user);
        Person.Profile now = profiles(List.of(userId)).get(userId);
        String phone = changes.phone() == null ? now.phone() : Texts.blankToNull(changes.phone());
        Long branch = changes.branchId() == null ? now.branchId() : changes.branchId();
        if (jdbc.update("update person_profile set phone = :p, branch_id = :b where user_id = :u",
                new MapSqlParameterSource("u", userId).addValue("p", phone).addValue("b", branch)) == 0) {
            jdbc.update("insert into person_profile (user_id, phone, branch_id) values (:u, :p, :b)",
                    new MapSqlParameterSource("u", userId).addValue("p", phone).addValue("b", branch));
        }
        return new Person(userId, Directory.toPerson(user).name(), user.getEmail(), new Person.Profile(phone, branch, now.signIn()));
    }

    /**
     * An administrator sets a new password for a PASSWORD login (recorded with the reason); the
     * person must change it at their next request, on every node. ADMIN, and HR for people who do
     * not hold ADMIN. Not one's own: one changes one's own password with the current one.
     */
    @Transactional
    public void resetPassword(String userId, String password, String reason) {
        String by = CurrentUser.id();
        User user = existing(userId);
        mayManage(userId);
        String why = reason(reason, null);
        if (userId.equals(by)) {
            throw DomainException.badRequest("input.userId", "RESET_SELF", "error.person.resetSelf");
        }
        if (versions.state(userId).signIn() == SignIn.TOKEN) {
            throw DomainException.badRequest("input.userId", "TOKEN_SIGN_IN", "error.person.tokenHasNoPassword");
        }
        checkPassword(password, "input.newPassword");
        user.setPassword(password);
        identity.saveUser(user);
        logins.changed(userId);
        versions.setSignIn(userId, SignIn.PASSWORD, true);
        jdbc.update("insert into password_reset (user_id, reason, changed_by, changed_at) values (:u, :r, :b, :t)",
                new MapSqlParameterSource("u", userId).addValue("r", why).addValue("b", by)
                        .addValue("t", java.sql.Timestamp.from(clock.instant())));
    }

    /** One reset of a login's password by an administrator (without the password). */
    public record PasswordReset(String userId, String reason, String changedBy, java.time.Instant changedAt) {
    }

    /** Every reset of one login's password, newest first. */
    @Transactional(readOnly = true)
    public List<PasswordReset> passwordResets(String userId) {
        return jdbc.query("select user_id, reason, changed_by, changed_at from password_reset where user_id = :u order by id desc",
                new MapSqlParameterSource("u", userId),
                (rs, i) -> new PasswordReset(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
    }

    /**
     * The caller changes their own password: the current one must be right (the engine's check,
     * lock-out included), the new one strong. Every node asks for the new one at the next request.
     * The check runs in a transaction of its own, so that a wrong password counts towards the
     * engine's lock-out even though the change is refused.
     */
    public void changeOwnPassword(String current, String next) {
        String me = CurrentUser.id();
        if (versions.state(me).signIn() == SignIn.TOKEN) {
            throw DomainException.badRequest(null, "TOKEN_SIGN_IN", "error.person.tokenHasNoPassword");
        }
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
            versions.setSignIn(me, SignIn.PASSWORD, false);
        });
    }

    @Transactional
    public RoleChangeResult grant(String userId, Role role, String reason) {
        mayGrant(List.of(role));
        existing(userId);
        rolesFromHere(userId, role);
        return new RoleChangeResult(userId, role, logins.grantRole(userId, role, reason(reason, null), CurrentUser.id()));
    }

    @Transactional
    public RoleChangeResult revoke(String userId, Role role, String reason) {
        mayGrant(List.of(role));
        existing(userId);
        rolesFromHere(userId, role);
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
     * People for pickers, by login id, in one statement (and one count when asked for): only holders
     * of a role, of a branch, or whose name contains a text; enabled logins only unless
     * {@code enabled} says otherwise (false: only disabled ones). Each filter has an index: the
     * membership's key, the profile's branch index, the login state's key.
     */
    @Transactional(readOnly = true)
    public Connection<Person> page(Role role, String nameContains, Boolean enabled, Long branchId, PageArgs args) {
        StringBuilder where = new StringBuilder(" from ACT_ID_USER U left join login_version L on L.user_id = U.ID_"
                + " left join person_profile P on P.user_id = U.ID_ where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        boolean wantEnabled = enabled == null || enabled;
        where.append(wantEnabled ? " and (L.disabled is null or L.disabled = false)" : " and L.disabled = true");
        if (role != null) {
            where.append(" and exists (select 1 from ACT_ID_MEMBERSHIP M where M.USER_ID_ = U.ID_ and M.GROUP_ID_ = :role)");
            params.addValue("role", role.name());
        }
        if (branchId != null) {
            where.append(" and U.ID_ in (select B.user_id from person_profile B where B.branch_id = :branch)");
            params.addValue("branch", branchId);
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
        List<Person> rows = jdbc.query("select U.ID_, U.FIRST_, U.LAST_, U.EMAIL_, P.phone, P.branch_id, L.sign_in" + where
                        + " order by U.ID_ limit :limit offset :offset", page, (rs, i) -> {
                    Person p = Directory.person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    return new Person(p.id(), p.name(), p.email(), profile(rs, 5));
                });
        return paging.connection(w, rows, count);
    }

    /** The profile of each of these people, in one statement; a person without a row has none of it, and signs in with a password. */
    @Transactional(readOnly = true)
    public Map<String, Person.Profile> profiles(Collection<String> userIds) {
        Map<String, Person.Profile> result = new HashMap<>();
        userIds.forEach(id -> result.put(id, Person.Profile.NONE));
        if (!userIds.isEmpty()) {
            jdbc.query("select U.ID_, P.phone, P.branch_id, L.sign_in from ACT_ID_USER U left join person_profile P on P.user_id = U.ID_"
                    + " left join login_version L on L.user_id = U.ID_ where U.ID_ in (:ids)", new MapSqlParameterSource("ids", userIds),
                    rs -> {
                        result.put(rs.getString(1), profile(rs, 2));
                    });
        }
        return result;
    }

    /** Phone, branch and sign-in from three columns starting at {@code column}. */
    private static Person.Profile profile(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long branch = rs.getLong(column + 1);
        Long branchId = rs.wasNull() ? null : branch;
        String signIn = rs.getString(column + 2);
        return new Person.Profile(rs.getString(column), branchId, signIn == null ? SignIn.PASSWORD : SignIn.valueOf(signIn));
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

    private User existing(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw DomainException.notFound("input.userId", "user", userId);
        }
        return user;
    }

    /**
     * The roles but ADMIN of a TOKEN login come from the identity provider when tokens provision
     * users ({@link TokenUsers}): a grant here would be undone at the person's next sign-in.
     */
    private void rolesFromHere(String userId, Role role) {
        if (role != Role.ADMIN && tokens.provisionUsers() && versions.state(userId).signIn() == SignIn.TOKEN) {
            throw DomainException.conflict("input.userId", "ROLES_FROM_IDENTITY_PROVIDER", "error.role.fromIdentityProvider", userId);
        }
    }

    /** HR manages everyone's login but an ADMIN holder's, as HR grants every role but ADMIN. */
    private void mayManage(String userId) {
        if (!CurrentUser.hasAnyRole(Role.ADMIN) && logins.holds(userId, Role.ADMIN)) {
            throw DomainException.forbidden("error.person.onlyAdminManagesAdmins");
        }
    }

    /** An unknown branch is NOT_FOUND, as an unknown user is. */
    private void checkBranch(Long branchId) {
        if (branchId != null && !branches.exists(branchId)) {
            throw DomainException.notFound("input.branchId", "branch", branchId);
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
