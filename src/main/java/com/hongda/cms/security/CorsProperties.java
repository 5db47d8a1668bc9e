package com.hongda.cms.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser origins of single-page front ends that may call the API across origins, each as
 * {@code scheme://host[:port]}. Empty (the default): no cross-origin access at all.
 */
@ConfigurationProperties("cms.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
