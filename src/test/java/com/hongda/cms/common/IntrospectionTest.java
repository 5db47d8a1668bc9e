package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import graphql.introspection.IntrospectionQuery;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Introspection and GraphiQL are on in the embedded default and off in the {@code mysql} profile,
 * where {@code GRAPHQL_INTROSPECTION=true} and {@code GRAPHIQL_ENABLED=true} turn them back on.
 * The running service is checked against whatever the active profiles say (the suite also runs
 * with {@code mysql}); the profile files themselves are read as Spring reads them. (A second
 * context with introspection off is no option: Spring Boot turns it off JVM-wide in graphql-java.)
 */
class IntrospectionTest extends IntegrationTest {

    private static final String INTROSPECTION = "spring.graphql.schema.introspection.enabled";
    private static final String GRAPHIQL = "spring.graphql.graphiql.enabled";
    private static final String SCHEMA_QUERY = "{ __schema { queryType { name } } }";

    @Autowired
    Environment environment;

    @Test
    void introspectionAnswersAsTheActiveProfilesSay() {
        var response = as(Fixtures.ADMIN).document(SCHEMA_QUERY).execute();
        if (environment.getProperty(INTROSPECTION, Boolean.class, true)) {
            response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
        } else {
            response.errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        }
    }

    @Test
    void graphiqlAnswersAsTheActiveProfilesSay() {
        var status = server("/graphiql").build().get().headers(h -> h.setBasicAuth(Fixtures.ADMIN, Fixtures.PASSWORD))
                .exchange().expectStatus();
        if (environment.getProperty(GRAPHIQL, Boolean.class, false)) {
            status.value(code -> assertThat(code).isBetween(200, 399));
        } else {
            status.isNotFound();
        }
    }

    @Test
    void graphiqlSchemaQueryIsNotHeldToTheDepthLimit() {
        assumeTrue(environment.getProperty(INTROSPECTION, Boolean.class, true), "introspection is off in this profile");
        // graphql-java's own introspection query nests 13 levels, one more than max-depth.
        as(Fixtures.ADMIN).document(IntrospectionQuery.INTROSPECTION_QUERY).execute()
                .errors().verify()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void defaultProfileLeavesBothOn() throws IOException {
        StandardEnvironment env = profileFiles("application.yml");
        assertThat(env.getProperty(INTROSPECTION, Boolean.class, true)).isTrue();
        assertThat(env.getProperty(GRAPHIQL, Boolean.class)).isTrue();
    }

    @Test
    void mysqlProfileTurnsBothOff() throws IOException {
        StandardEnvironment env = profileFiles("application.yml", "application-mysql.yml");
        assertThat(env.getProperty(INTROSPECTION, Boolean.class)).isFalse();
        assertThat(env.getProperty(GRAPHIQL, Boolean.class)).isFalse();
    }

    @Test
    void environmentVariablesTurnThemBackOnInTheMysqlProfile() throws IOException {
        StandardEnvironment env = profileFiles("application.yml", "application-mysql.yml");
        env.getPropertySources().addFirst(new MapPropertySource("os environment",
                Map.of("GRAPHQL_INTROSPECTION", "true", "GRAPHIQL_ENABLED", "true")));
        assertThat(env.getProperty(INTROSPECTION, Boolean.class)).isTrue();
        assertThat(env.getProperty(GRAPHIQL, Boolean.class)).isTrue();
    }

    /** The files in the order Spring Boot gives them precedence: later (profile) files win. */
    private static StandardEnvironment profileFiles(String... files) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (String file : files) {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
            sources.forEach(env.getPropertySources()::addFirst);
        }
        return env;
    }
}
