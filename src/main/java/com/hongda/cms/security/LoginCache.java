package com.hongda.cms.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers successful HTTP Basic logins for a short time ({@link LoginCacheProperties}). A front end
 * sends the same credentials with every request; checking each against the engine costs a user
 * read, a salted hash and a group query, about a tenth of a small mutation's time (README
 * "Performance").
 *
 * <p>Only a keyed hash of the password is kept (HMAC with a key made at start-up and never
 * stored), so the cache holds nothing that would let anyone log in. A wrong password never matches
 * and is checked by the engine as before, lock-out included. Each remembered login carries the
 * login's version ({@link LoginVersions}) read before it was checked; it is used only while that
 * version is still the current one, so a change of roles or password made through {@link Logins}
 * on any node takes effect at the next request on every node. Changes made elsewhere (directly in
 * the engine's tables) take effect when the entry expires.
 */
@Component
public class LoginCache {

    /** A remembered login: the password's keyed hash, the roles, the login's version, and when it expires. */
    record Entry(byte[] passwordMac, List<GrantedAuthority> authorities, long version, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final SecretKeySpec key;
    /** Advanced by every {@link #forget}: a login checked before it is not remembered after it. */
    private final AtomicLong generation = new AtomicLong();

    @Autowired
    LoginCache(LoginCacheProperties properties) {
        this(properties, System::nanoTime);
    }

    LoginCache(LoginCacheProperties properties, LongSupplier nanoTime) {
        this.ttlNanos = properties.ttl().toNanos();
        this.maxEntries = properties.maxEntries();
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether logins are remembered at all (a time to live above 0). */
    boolean enabled() {
        return ttlNanos > 0;
    }

    /**
     * The roles of a remembered login with exactly this password and still of the current version,
     * or null. The version is read (one primary-key read) only for a login that would otherwise be used.
     */
    List<GrantedAuthority> lookup(String userId, String password, LongSupplier currentVersion) {
        if (ttlNanos == 0) {
            return null;
        }
        Entry e = entries.get(userId);
        if (e == null) {
            return null;
        }
        if (nanoTime.getAsLong() - e.expiresAt() >= 0) {
            entries.remove(userId, e);
            return null;
        }
        if (!MessageDigest.isEqual(e.passwordMac(), mac(password))) {
            return null;
        }
        if (currentVersion.getAsLong() != e.version()) {
            entries.remove(userId, e);
            return null;
        }
        return e.authorities();
    }

    /** A token to pass to {@link #remember}, taken before the login is checked against the engine. */
    long stamp() {
        return generation.get();
    }

    /**
     * Remembers a login the engine has just accepted, unless a {@link #forget} came in between.
     *
     * @param version the login's version, read before the password and roles were checked
     */
    void remember(String userId, String password, List<GrantedAuthority> authorities, long version, long stamp) {
        if (ttlNanos == 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = nanoTime.getAsLong();
            entries.values().removeIf(e -> now - e.expiresAt() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Entry entry = new Entry(mac(password), List.copyOf(authorities), version, nanoTime.getAsLong() + ttlNanos);
        entries.put(userId, entry);
        if (generation.get() != stamp) {
            entries.remove(userId, entry);
        }
    }

    /**
     * Forgets a user's login on this node now and, inside a transaction, once more after it commits:
     * the next request here checks the password and reads the roles again, and sees the change.
     * Other nodes learn of it through the login's version ({@link Logins}).
     */
    public void forget(String userId) {
        drop(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop(userId);
                }
            });
        }
    }

    private void drop(String userId) {
        generation.incrementAndGet();
        entries.remove(userId);
    }

    private byte[] mac(String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
