package com.hongda.cms.security;

import com.hongda.cms.common.ErrorType;
import com.hongda.cms.common.HttpErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every request except the health probe needs an authenticated user (HTTP 401 otherwise): HTTP
 * Basic against the engine's users, or a bearer JWT when an issuer or key is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}; Spring Boot then provides the {@link JwtDecoder}).
 * The API is stateless: credentials come with each request, so there is no session and no CSRF
 * token. Browsers on the origins of {@link CorsProperties} may call it across origins.
 * Per-field and per-mutation rules are method security on the controllers and services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    AuthenticationManager authenticationManager(IdentityService identityService, LoginCache logins, LoginVersions versions) {
        return new ProviderManager(new EngineIdentityAuthenticationProvider(identityService, logins, versions));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityService identityService, CorsProperties cors,
                                            ObjectProvider<JwtDecoder> jwtDecoder, JwtProperties jwt,
                                            HttpErrors errors, LoginVersions versions, TokenUsers tokenUsers) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(errors);
        http.csrf(csrf -> csrf.disable())
                .cors(c -> c.configurationSource(corsSource(cors)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // A browser's WebSocket handshake cannot carry credentials: it authenticates in its first
                        // message instead (SubscriptionAuthentication). Credentials sent with it are still checked.
                        .requestMatchers(SubscriptionAuthentication.PATH).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resource -> resource.jwt(j -> j
                    .decoder(decoder)
                    .jwtAuthenticationConverter(new JwtAuthentication(jwt, versions, tokenUsers))));
        }
        // After authentication, whichever scheme it was: the engine learns who acts.
        http.addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
        http.addFilterAfter(new PasswordChangeFilter(errors), EngineIdentityFilter.class);
        return http.build();
    }

    /**
     * HTTP 401 with the Basic challenge (so a browser asks for a login) and a GraphQL error body,
     * UNAUTHORIZED, in the request's language: no credentials, or a wrong user name or password.
     */
    static AuthenticationEntryPoint unauthenticated(HttpErrors errors) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Realm\"");
            errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, ErrorType.UNAUTHORIZED, null,
                    exception instanceof BadCredentialsException ? "error.badCredentials" : "error.unauthenticated");
        };
    }

    /** Preflight and cross-origin calls from the configured origins; any other origin gets 403. */
    static CorsConfigurationSource corsSource(CorsProperties cors) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}
