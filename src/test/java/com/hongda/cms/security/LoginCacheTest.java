package com.hongda.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The cache's own rules, on a clock the test moves (the service's use of it: SecurityTest). */
class LoginCacheTest {

    private static final List<GrantedAuthority> HR = List.of(new SimpleGrantedAuthority("ROLE_HR"));
    /** The login's version as the database holds it; every node reads the same. */
    private final AtomicLong version = new AtomicLong();
    private final LongSupplier currentVersion = version::get;

    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginCache cache = new LoginCache(new LoginCacheProperties(Duration.ofSeconds(60), 3), now::get);

    @Test
    void remembersTheRolesOfExactlyThatPassword() {
        cache.remember("ann", "secret", HR, 0, cache.stamp());
        assertThat(cache.lookup("ann", "secret", currentVersion)).isEqualTo(HR);
        assertThat(cache.lookup("ann", "Secret", currentVersion)).isNull();
        assertThat(cache.lookup("ann", "", currentVersion)).isNull();
        assertThat(cache.lookup("bob", "secret", currentVersion)).isNull();
    }

    @Test
    void forgetsWhenTheTimeToLiveHasPassed() {
        cache.remember("ann", "secret", HR, 0, cache.stamp());
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.lookup("ann", "secret", currentVersion)).isEqualTo(HR);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.lookup("ann", "secret", currentVersion)).isNull();
    }

    @Test
    void forgetDropsTheLoginAndOneCheckedBeforeItIsNotRemembered() {
        cache.remember("ann", "secret", HR, 0, cache.stamp());
        long stamp = cache.stamp();
        cache.forget("ann");
        assertThat(cache.lookup("ann", "secret", currentVersion)).isNull();
        // A login checked against the engine before the change must not bring the old roles back.
        cache.remember("ann", "secret", HR, 0, stamp);
        assertThat(cache.lookup("ann", "secret", currentVersion)).isNull();
        cache.remember("ann", "secret", HR, 0, cache.stamp());
        assertThat(cache.lookup("ann", "secret", currentVersion)).isEqualTo(HR);
    }

    @Test
    void aLoginRememberedAtAnOlderVersionIsNotUsed() {
        // Another node changed the login: it raised the version, and could not reach this node's cache.
        cache.remember("ann", "secret", HR, 0, cache.stamp());
        version.set(1);
        assertThat(cache.lookup("ann", "secret", currentVersion)).isNull();
        cache.remember("ann", "secret", HR, 1, cache.stamp());
        assertThat(cache.lookup("ann", "secret", currentVersion)).isEqualTo(HR);
    }

    @Test
    void theVersionIsReadOnlyForALoginThatWouldBeUsed() {
        AtomicLong reads = new AtomicLong();
        LongSupplier counted = () -> {
            reads.incrementAndGet();
            return 0;
        };
        cache.lookup("ann", "secret", counted);
        cache.remember("ann", "secret", HR, 0, cache.stamp());
        cache.lookup("ann", "wrong", counted);
        assertThat(reads).hasValue(0);
        cache.lookup("ann", "secret", counted);
        assertThat(reads).hasValue(1);
    }

    @Test
    void staysWithinItsSize() {
        for (String user : List.of("a", "b", "c", "d", "e")) {
            cache.remember(user, "pw", HR, 0, cache.stamp());
        }
        long held = List.of("a", "b", "c", "d", "e").stream().filter(u -> cache.lookup(u, "pw", currentVersion) != null).count();
        assertThat(held).isBetween(1L, 3L);
        assertThat(cache.lookup("e", "pw", currentVersion)).isEqualTo(HR);
    }

    @Test
    void aTimeToLiveOfZeroRemembersNothing() {
        LoginCache off = new LoginCache(new LoginCacheProperties(Duration.ZERO, 10), now::get);
        off.remember("ann", "secret", HR, 0, off.stamp());
        assertThat(off.lookup("ann", "secret", currentVersion)).isNull();
    }
}
