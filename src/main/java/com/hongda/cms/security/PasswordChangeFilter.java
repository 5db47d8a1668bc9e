package com.hongda.cms.security;

import com.hongda.cms.common.ErrorType;
import com.hongda.cms.common.HttpErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The forced password change outside GraphQL: a login that must change the password someone else
 * chose gets 403 {@code PASSWORD_CHANGE_REQUIRED} from every endpoint but {@code /graphql} (where
 * {@link PasswordChangeGate} lets {@code me} and {@code changeMyPassword} through), GraphiQL and its
 * scripts (where the change can be made) and health. So no endpoint added later can forget it.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

    private final HttpErrors errors;

    PasswordChangeFilter(HttpErrors errors) {
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/graphql") || path.startsWith("/graphiql") || path.startsWith("/webjars/")
                || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (PasswordChangeGate.required(SecurityContextHolder.getContext().getAuthentication())) {
            errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, ErrorType.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED",
                    "error.person.passwordChangeRequired");
            return;
        }
        chain.doFilter(request, response);
    }
}
