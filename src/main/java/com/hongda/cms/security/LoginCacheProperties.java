package com.hongda.cms.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a successful HTTP Basic login is remembered ({@link LoginCache}).
 *
 * @param ttl        how long; {@code 0} checks every request against the engine. A password or
 *                   role changed outside this service (say, in the engine's tables by an admin
 *                   tool) takes effect after at most this long; changes made by this service take
 *                   effect at once.
 * @param maxEntries logins remembered at most; beyond that the expired ones, then all, are dropped
 */
@Validated
@ConfigurationProperties("cms.security.login-cache")
public record LoginCacheProperties(Duration ttl, @Min(1) @Max(1_000_000) int maxEntries) {

    public LoginCacheProperties {
        if (ttl == null) {
            ttl = Duration.ofSeconds(60);
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("cms.security.login-cache.ttl must not be negative");
        }
        if (maxEntries == 0) {
            maxEntries = 10_000;
        }
    }
}
