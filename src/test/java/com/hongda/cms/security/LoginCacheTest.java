package com.hongda.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The cache's own rules, on a clock the test moves (the service's use of it: SecurityTest). */
class LoginCacheTest {

    private static final List<GrantedAuthority> HR = List.of(new SimpleGrantedAuthority("ROLE_HR"));

    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginCache cache = new LoginCache(new LoginCacheProperties(Duration.ofSeconds(60), 3), now::get);

    @Test
    void remembersTheRolesOfExactlyThatPassword() {
        cache.remember("ann", "secret", HR, cache.stamp());
        assertThat(cache.lookup("ann", "secret")).isEqualTo(HR);
        assertThat(cache.lookup("ann", "Secret")).isNull();
        assertThat(cache.lookup("ann", "")).isNull();
        assertThat(cache.lookup("bob", "secret")).isNull();
    }

    @Test
    void forgetsWhenTheTimeToLiveHasPassed() {
        cache.remember("ann", "secret", HR, cache.stamp());
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.lookup("ann", "secret")).isEqualTo(HR);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.lookup("ann", "secret")).isNull();
    }

    @Test
    void forgetDropsTheLoginAndOneCheckedBeforeItIsNotRemembered() {
        cache.remember("ann", "secret", HR, cache.stamp());
        long stamp = cache.stamp();
        cache.forget("ann");
        assertThat(cache.lookup("ann", "secret")).isNull();
        // A login checked against the engine before the change must not bring the old roles back.
        cache.remember("ann", "secret", HR, stamp);
        assertThat(cache.lookup("ann", "secret")).isNull();
        cache.remember("ann", "secret", HR, cache.stamp());
        assertThat(cache.lookup("ann", "secret")).isEqualTo(HR);
    }

    @Test
    void staysWithinItsSize() {
        for (String user : List.of("a", "b", "c", "d", "e")) {
            cache.remember(user, "pw", HR, cache.stamp());
        }
        long held = List.of("a", "b", "c", "d", "e").stream().filter(u -> cache.lookup(u, "pw") != null).count();
        assertThat(held).isBetween(1L, 3L);
        assertThat(cache.lookup("e", "pw")).isEqualTo(HR);
    }

    @Test
    void aTimeToLiveOfZeroRemembersNothing() {
        LoginCache off = new LoginCache(new LoginCacheProperties(Duration.ZERO, 10), now::get);
        off.remember("ann", "secret", HR, off.stamp());
        assertThat(off.lookup("ann", "secret")).isNull();
    }
}
