package com.hongda.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Browsers on the origins of {@code cms.cors.allowed-origins} (https://spa.test.example in the
 * tests) may call the API across origins; any other origin is refused with 403.
 */
class CorsTest extends IntegrationTest {

    private static final String ALLOWED = "https://spa.test.example";
    private static final String OTHER = "https://elsewhere.example";

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutLogin() {
        preflight(ALLOWED).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, m -> assertThat(m).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        h -> assertThat(h.toLowerCase()).contains("authorization").contains("content-type"));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        preflight(OTHER).expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void callFromAnAllowedOriginCarriesTheAllowOriginHeader() {
        call(ALLOWED).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectBody().jsonPath("$.data.me.id").isEqualTo(Fixtures.SERVICE);
    }

    @Test
    void callFromAnotherOriginIsRefused() {
        call(OTHER).expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private WebTestClient.ResponseSpec preflight(String origin) {
        return server("/graphql").build().method(HttpMethod.OPTIONS)
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange();
    }

    private WebTestClient.ResponseSpec call(String origin) {
        return client(Fixtures.SERVICE, null).post().header(HttpHeaders.ORIGIN, origin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange();
    }
}
