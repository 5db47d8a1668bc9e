package com.hongda.cms.security;

import com.hongda.cms.common.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is on the other end of a GraphQL WebSocket (graphql-transport-ws), checked as strictly as an HTTP
 * request. The handshake passes the security filters: credentials in its headers (HTTP Basic or a bearer
 * JWT, as a Java client sends them) authenticate it there, and wrong ones are refused with 401. A browser
 * cannot set headers on a WebSocket, so the handshake itself may come without credentials; the
 * {@code connection_init} message must then carry them as {@code {"Authorization": "Basic …" | "Bearer …"}},
 * checked by the same authentication manager or JWT decoder. No credentials, or wrong ones: the connection
 * is closed with 4401 Unauthorized before any subscription.
 *
 * <p>Each request on the connection then runs with that authentication as its security context, so the
 * server's per-field rules (and the forced password change) apply as over HTTP. Only subscriptions are
 * served here: queries and mutations go to {@code POST /graphql}, whose filters also tell the engine who acts.
 */
@Component
class SubscriptionAuthentication implements WebSocketGraphQlInterceptor {

    static final String PATH = "/graphql-ws";
    private static final String ATTRIBUTE = SubscriptionAuthentication.class.getName();

    private final AuthenticationManager authentication;
    private final ObjectProvider<JwtDecoder> jwtDecoder;
    private final JwtProperties jwt;
    private final LoginVersions versions;
    private final TokenUsers tokenUsers;
    private final MessageSource messages;

    SubscriptionAuthentication(AuthenticationManager authentication, ObjectProvider<JwtDecoder> jwtDecoder, JwtProperties jwt,
                               LoginVersions versions, TokenUsers tokenUsers, MessageSource messages) {
        this.messages = messages;
        this.authentication = authentication;
        this.jwtDecoder = jwtDecoder;
        this.jwt = jwt;
        this.versions = versions;
        this.tokenUsers = tokenUsers;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        return info.getPrincipal()
                .filter(p -> p instanceof Authentication a && a.isAuthenticated())
                .cast(Authentication.class)
                .switchIfEmpty(Mono.fromCallable(() -> fromPayload(payload)))
                .doOnNext(auth -> info.getAttributes().put(ATTRIBUTE, auth))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest ws)) {
            return chain.next(request);
        }
        Authentication auth = (Authentication) ws.getSessionInfo().getAttributes().get(ATTRIBUTE);
        if (auth == null) {
            return Mono.error(new BadCredentialsException("No authentication on this connection"));
        }
        if (!isSubscription(request)) {
            GraphQLError refused = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                    .message(messages.getMessage("error.live.subscriptionsOnly", null, request.getLocale()))
                    .extensions(Map.of("rule", "SUBSCRIPTIONS_ONLY")).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                    ExecutionResult.newExecutionResult().addError(refused).build())));
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        // Spring for GraphQL restores what the Reactor context holds under the security context's accessor key
        // as SecurityContextHolder around every data fetcher.
        return chain.next(request).contextWrite(ctx -> ctx.put(SecurityContext.class.getName(), context));
    }

    /** The credentials of the connection_init payload; BadCredentialsException when there are none or they fail. */
    private Authentication fromPayload(Map<String, Object> payload) {
        Object header = payload == null ? null : payload.getOrDefault("Authorization", payload.get("authorization"));
        if (!(header instanceof String value) || value.length() > 8192) {
            throw new BadCredentialsException("No credentials in connection_init");
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadCredentialsException("Malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new BadCredentialsException("Malformed Basic credentials");
            }
            return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
                    decoded.substring(colon + 1)));
        }
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                return new JwtAuthentication(jwt, versions, tokenUsers).convert(decoder.decode(value.substring(7).trim()));
            } catch (RuntimeException e) {
                throw new BadCredentialsException("Invalid bearer token", e);
            }
        }
        throw new BadCredentialsException("Unsupported credentials in connection_init");
    }

    /** Whether the request's operation (the named one, else the only one) is a subscription. */
    private static boolean isSubscription(WebGraphQlRequest request) {
        Document document;
        try {
            document = Parser.parse(request.getDocument());
        } catch (InvalidSyntaxException e) {
            return true; // The execution reports the syntax error, classified as usual.
        }
        String name = request.getOperationName();
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> name == null || name.equals(op.getName()))
                .findFirst()
                .map(op -> op.getOperation() == OperationDefinition.Operation.SUBSCRIPTION)
                .orElse(true);
    }
}
