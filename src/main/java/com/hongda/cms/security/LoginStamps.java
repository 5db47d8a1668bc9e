package com.hongda.cms.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The versions of logins, for what outlives a request: a long-lived connection (a live subscription) remembers
 * its login's version when it opens and is ended once the version moves — a role granted or taken back, a
 * password changed, the login disabled — so it never keeps what its login no longer has.
 */
@Component
public class LoginStamps {

    private final LoginVersions versions;
    private final NamedParameterJdbcTemplate jdbc;

    LoginStamps(LoginVersions versions, NamedParameterJdbcTemplate jdbc) {
        this.versions = versions;
        this.jdbc = jdbc;
    }

    /** The login's version now (0 for one that never changed). */
    public long of(String userId) {
        return versions.current(userId);
    }

    /** The versions of these logins in one primary-key read; a login that never changed is 0. */
    public Map<String, Long> of(Collection<String> userIds) {
        Map<String, Long> result = new HashMap<>();
        userIds.forEach(u -> result.put(u, 0L));
        if (!userIds.isEmpty()) {
            jdbc.query("select user_id, version from login_version where user_id in (:users)", Map.of("users", userIds),
                    rs -> { result.put(rs.getString(1), rs.getLong(2)); });
        }
        return result;
    }
}
