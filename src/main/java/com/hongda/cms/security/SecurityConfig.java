package com.hongda.cms.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Every request except the health probe needs an authenticated user (HTTP 401 otherwise).
 * The API is stateless: credentials come with each request, so there is no session and no CSRF
 * token. Per-field and per-mutation rules are method security on the controllers and services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    AuthenticationManager authenticationManager(IdentityService identityService) {
        return new ProviderManager(new EngineIdentityAuthenticationProvider(identityService));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityService identityService) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> { })
                .addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }
}
