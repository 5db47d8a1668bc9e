package com.hongda.cms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Bearer JWTs, checked against the test public key that application-test.yml names
 * ({@code jwt-test-public.pem}); the tests sign with the matching private key. No network.
 */
class JwtTest extends IntegrationTest {

    private static final PrivateKey TEST_KEY = privateKey("jwt-test-private.pem");

    private static final String CREATE_MANAGER = """
            mutation($no: String!, $branch: ID!) { createManager(input: {employeeNo: $no, name: "令牌用户", branchId: $branch, region: URBAN,
              grade: JUNIOR}) { manager { employeeNo } } }
            """;

    @org.springframework.beans.factory.annotation.Autowired
    LoginVersions versions;

    @Test
    void tokenWithTheHrRoleActsAsHr() {
        String user = fixtures.unique("jwt-hr").toLowerCase();
        HttpGraphQlTester tester = bearer(token(TEST_KEY, user, List.of("HR", "offline_access"), Instant.now().plusSeconds(300)));
        tester.document("{ me { id roles } actingAs }").execute()
                .path("me.id").entity(String.class).isEqualTo(user)
                .path("me.roles").entityList(String.class).containsExactly("HR")
                .path("actingAs").entity(String.class).isEqualTo(user + ":HR");
        String no = fixtures.unique("J");
        tester.document(CREATE_MANAGER).variable("no", no).variable("branch", fixtures.branchId("jwt")).execute()
                .path("createManager.manager.employeeNo").entity(String.class).isEqualTo(no);
    }

    @Test
    void rolesThatAreNotThisSystemsGrantNothing() {
        String user = fixtures.unique("jwt-none").toLowerCase();
        HttpGraphQlTester tester = bearer(token(TEST_KEY, user, List.of("hr", "admin-console"), Instant.now().plusSeconds(300)));
        tester.document("{ me { roles } }").execute().path("me.roles").entityList(String.class).hasSize(0);
        tester.document(CREATE_MANAGER).variable("no", fixtures.unique("J")).variable("branch", fixtures.branchId("jwt")).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefusedWith401() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token(generator.generateKeyPair().getPrivate(), "intruder", List.of("ADMIN"), Instant.now().plusSeconds(300));
        assertRefused("Bearer " + forged);
    }

    @Test
    void expiredTokenIsRefusedWith401() {
        assertRefused("Bearer " + token(TEST_KEY, "late", List.of("ADMIN"), Instant.now().minusSeconds(600)));
    }

    @Test
    void malformedTokenIsRefusedWith401() {
        assertRefused("Bearer not-a-token");
    }

    @Test
    void basicLoginStillWorksBesideTokens() {
        as(Fixtures.SERVICE).document("{ me { roles } actingAs }").execute()
                .path("me.roles").entityList(String.class).containsExactly("SERVICE_DESK")
                .path("actingAs").entity(String.class).isEqualTo(Fixtures.SERVICE + ":SERVICE_DESK");
    }

    @Test
    void userAndRolesComeFromTheConfiguredClaims() {
        Jwt jwt = jwt(Map.of("sub", "f3a1-uuid", "preferred_username", "wang.fang",
                "realm_access", Map.of("roles", List.of("MANAGER", "uma_authorization"))));
        var auth = new JwtAuthentication(new JwtProperties("preferred_username", "realm_access.roles"), versions).convert(jwt);
        assertThat(auth.getName()).isEqualTo("wang.fang");
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_MANAGER");
    }

    @Test
    void rolesMayBeOneSpaceOrCommaSeparatedString() {
        var auth = new JwtAuthentication(new JwtProperties(null, null), versions)
                .convert(jwt(Map.of("sub", "li.na", "roles", "SUPERVISOR, AUDITOR openid")));
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_SUPERVISOR", "ROLE_AUDITOR");
    }

    @Test
    void tokenWithoutAUsableUserIsRejected() {
        JwtAuthentication converter = new JwtAuthentication(new JwtProperties(null, null), versions);
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("roles", List.of("ADMIN")))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("sub", "x".repeat(65)))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    private void assertRefused(String authorization) {
        server("/graphql").defaultHeader(HttpHeaders.AUTHORIZATION, authorization).build()
                .post().contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    private HttpGraphQlTester bearer(String token) {
        return HttpGraphQlTester.create(server("/graphql").defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }

    private static String token(PrivateKey key, String subject, List<String> roles, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").claims(c -> c.putAll(claims)).build();
    }

    private static PrivateKey privateKey(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
