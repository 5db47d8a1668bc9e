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
 * and is checked by the engine as before, lock-out included. Whoever changes a user's password or
 * roles through this service calls {@link #forget}; changes made elsewhere take effect when the
 * entry expires.
 */
@Component
public class LoginCache {

    /** A remembered login: the password's keyed hash, the roles, and when it expires. */
    record Entry(byte[] passwordMac, List<GrantedAuthority> authorities, long expiresAt) {
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

    /** The roles of a remembered login with exactly this password, or null. */
    List<GrantedAuthority> lookup(String userId, String password) {
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
        return MessageDigest.isEqual(e.passwordMac(), mac(password)) ? e.authorities() : null;
    }

    /** A token to pass to {@link #remember}, taken before the login is checked against the engine. */
    long stamp() {
        return generation.get();
    }

    /** Remembers a login the engine has just accepted, unless a {@link #forget} came in between. */
    void remember(String userId, String password, List<GrantedAuthority> authorities, long stamp) {
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
        Entry entry = new Entry(mac(password), List.copyOf(authorities), nanoTime.getAsLong() + ttlNanos);
        entries.put(userId, entry);
        if (generation.get() != stamp) {
            entries.remove(userId, entry);
        }
    }

    /**
     * Forgets a user's login now and, inside a transaction, once more after it commits: the next
     * request checks the password and reads the roles again, and sees the change.
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
