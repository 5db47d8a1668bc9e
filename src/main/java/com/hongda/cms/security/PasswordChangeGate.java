package com.hongda.cms.security;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.ErrorType;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A login whose password was set by someone else (createUser, an administrator's resetPassword) must
 * change it before doing anything else: every top-level field but {@code me} and
 * {@code changeMyPassword} is refused with FORBIDDEN, rule {@code PASSWORD_CHANGE_REQUIRED}. The
 * login's state (table {@code login_version}, read once per request or remembered with its version)
 * marks such a caller with the authority {@link #REQUIRED}, so the gate costs no statement.
 *
 * <p>The gate wraps the data fetcher of every field of Query and Mutation once, when the schema is
 * built; Spring's own context decoration wraps it in turn, so the caller's security context and the
 * service's error classification apply as for any other refusal. Only sign-ins with the password are
 * marked: a bearer token was issued by the identity provider, which never saw the password.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGate {

    /** The mark of a caller who must change their password first; not a role (no {@code ROLE_}). */
    static final GrantedAuthority REQUIRED = new SimpleGrantedAuthority("PASSWORD_CHANGE_REQUIRED");

    /** What such a caller may still do: see who they are, and change the password. */
    private static final Set<String> ALLOWED = Set.of("me", "changeMyPassword");
    private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    /** Whether this caller must change their password before anything else. */
    static boolean required(Authentication auth) {
        return auth != null && auth.getAuthorities().contains(REQUIRED);
    }

    @Bean
    GraphQlSourceBuilderCustomizer passwordChangeGateCustomizer() {
        return builder -> builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                                TraverserContext<GraphQLSchemaElement> context) {
                if (context.getParentNode() instanceof GraphQLObjectType parent && ROOTS.contains(parent.getName())
                        && !ALLOWED.contains(field.getName())) {
                    GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
                    registry.dataFetcher(coordinates, gated(registry.getDataFetcher(coordinates, field)));
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }

    private static DataFetcher<?> gated(DataFetcher<?> fetcher) {
        return env -> {
            if (required(SecurityContextHolder.getContext().getAuthentication())) {
                throw new DomainException(ErrorType.FORBIDDEN, "error.person.passwordChangeRequired", null, "PASSWORD_CHANGE_REQUIRED");
            }
            return fetcher.get(env);
        };
    }
}
