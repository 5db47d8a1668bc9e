package com.hongda.cms.security;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The version of each login (table {@code login_version}): raised with every change of a user's
 * roles or password made through the service, in the same transaction, and read by primary key
 * whenever a remembered login is used. A node that remembers a login of an older version checks it
 * against the engine again, so a change made on one node holds on every node at the next request.
 */
@Component
class LoginVersions {

    private final JdbcTemplate jdbc;

    LoginVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A login's version, whether it is disabled, how it signs in and whether it must change its
     * password first. Every change of the last three raises the version, so a node that remembers a
     * login of the current version remembers these correctly too.
     */
    record State(long version, boolean disabled, SignIn signIn, boolean passwordChangeRequired) {
        static final State NEVER_CHANGED = new State(0, false, SignIn.PASSWORD, false);
    }

    /** The login's current version; 0 for a login that never changed. */
    long current(String userId) {
        return state(userId).version();
    }

    /** The login's version, disabled flag, sign-in and forced password change, in one primary-key read. */
    State state(String userId) {
        State state = jdbc.query("select version, disabled, sign_in, password_change_required from login_version where user_id = ?",
                rs -> rs.next() ? new State(rs.getLong(1), rs.getBoolean(2), SignIn.valueOf(rs.getString(3)), rs.getBoolean(4)) : null,
                userId);
        return state == null ? State.NEVER_CHANGED : state;
    }

    /**
     * Disables or enables the login, in the caller's transaction, which has raised its version
     * already ({@link Logins#changed}): that raise made the row and tells every node to look again.
     */
    void setDisabled(String userId, boolean disabled) {
        jdbc.update("update login_version set disabled = ? where user_id = ?", disabled, userId);
    }

    /**
     * Sets how the login signs in and whether it must change its password before anything else, in
     * the caller's transaction, which has raised its version already ({@link Logins#changed}).
     */
    void setSignIn(String userId, SignIn signIn, boolean passwordChangeRequired) {
        jdbc.update("update login_version set sign_in = ?, password_change_required = ? where user_id = ?",
                signIn.name(), passwordChangeRequired, userId);
    }

    /**
     * Locks the login's row until the caller's transaction ends, making it (at version 0, as a login
     * without a row is) if there is none yet: two transactions that lock the same login run one after
     * the other, also before the login exists.
     */
    void lock(String userId) {
        if (!jdbc.queryForList("select version from login_version where user_id = ? for update", Long.class, userId).isEmpty()) {
            return;
        }
        try {
            jdbc.update("insert into login_version (user_id, version) values (?, 0)", userId);
        } catch (DuplicateKeyException e) {
            // Another transaction made the row meanwhile (and has committed): wait for theirs.
            jdbc.queryForList("select version from login_version where user_id = ? for update", Long.class, userId);
        }
    }

    /** Raises the login's version, in the caller's transaction. */
    void raise(String userId) {
        if (jdbc.update("update login_version set version = version + 1 where user_id = ?", userId) > 0) {
            return;
        }
        try {
            jdbc.update("insert into login_version (user_id, version) values (?, 1)", userId);
        } catch (DuplicateKeyException e) {
            // Another transaction inserted the row meanwhile: raise theirs.
            jdbc.update("update login_version set version = version + 1 where user_id = ?", userId);
        }
    }
}
