package com.hongda.cms.support;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every integration test: the real service on a random port, the real engine and the real
 * database (H2, or MySQL/MariaDB with the mysql profile). All subclasses share one Spring context,
 * so keep this configuration the same for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestInfrastructure.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    @BeforeEach
    void ensureUsers() {
        fixtures.ensureUsers();
    }

    /** A GraphQL client over real HTTP, logged in as {@code user}. */
    protected HttpGraphQlTester as(String user) {
        return HttpGraphQlTester.create(client(user, null));
    }

    /** The same, asking for answers in {@code language}. */
    protected HttpGraphQlTester as(String user, String language) {
        return HttpGraphQlTester.create(client(user, language));
    }

    /** A GraphQL client logged in as {@code user} with {@code password} (e.g. a demo user's). */
    protected HttpGraphQlTester withPassword(String user, String password) {
        return HttpGraphQlTester.create(client(user, null, password));
    }

    protected WebTestClient client(String user, String language) {
        return client(user, language, Fixtures.PASSWORD);
    }

    protected WebTestClient client(String user, String language, String password) {
        return server("/graphql")
                .defaultHeaders(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, password);
                    }
                    if (language != null) {
                        h.set("Accept-Language", language);
                    }
                })
                .build();
    }

    /**
     * Sends the request and checks the answer: with a null {@code classification} no errors; else
     * every error of that classification and, when given, naming {@code field} and {@code rule}.
     * Returns the errors.
     */
    protected static java.util.List<org.springframework.graphql.ResponseError> answered(
            org.springframework.graphql.test.tester.GraphQlTester.Request<?> request, String classification, String field, String rule) {
        java.util.List<org.springframework.graphql.ResponseError> errors = new java.util.ArrayList<>();
        request.execute().errors().satisfy(errors::addAll);
        if (classification == null) {
            org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
            return errors;
        }
        org.assertj.core.api.Assertions.assertThat(errors).isNotEmpty().allSatisfy(e -> {
            org.assertj.core.api.Assertions.assertThat(e.getErrorType().toString()).isEqualTo(classification);
            if (field != null) {
                org.assertj.core.api.Assertions.assertThat(e.getExtensions()).containsEntry("field", field);
            }
            if (rule != null) {
                org.assertj.core.api.Assertions.assertThat(e.getExtensions()).containsEntry("rule", rule);
            }
        });
        return errors;
    }

    /** A client of {@code path} on the running server, without credentials: add what the test needs. */
    protected WebTestClient.Builder server(String path) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + path)
                .responseTimeout(Duration.ofSeconds(60))
                // The whole schema's introspection answer outgrew the client's default 256 KiB.
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024));
    }
}
