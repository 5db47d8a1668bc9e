package com.hongda.cms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.Simultaneously;
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
public class JwtTest extends IntegrationTest {

    private static final PrivateKey TEST_KEY = privateKey("jwt-test-private.pem");

    private static final String CREATE_MANAGER = """
            mutation($no: String!, $branch: ID!) { createManager(input: {employeeNo: $no, name: "令牌用户", branchId: $branch, region: URBAN,
              grade: JUNIOR}) { manager { employeeNo } } }
            """;

    @org.springframework.beans.factory.annotation.Autowired
    LoginVersions versions;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @org.springframework.beans.factory.annotation.Autowired
    com.hongda.cms.workflow.ScoringPanel panel;

    @org.springframework.beans.factory.annotation.Autowired
    com.hongda.cms.support.EngineJobs jobs;

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
        var auth = new JwtAuthentication(new JwtProperties("preferred_username", "realm_access.roles", false, null, null), versions, null).convert(jwt);
        assertThat(auth.getName()).isEqualTo("wang.fang");
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_MANAGER");
    }

    @Test
    void rolesMayBeOneSpaceOrCommaSeparatedString() {
        var auth = new JwtAuthentication(new JwtProperties(null, null, false, null, null), versions, null)
                .convert(jwt(Map.of("sub", "li.na", "roles", "SUPERVISOR, AUDITOR openid")));
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_SUPERVISOR", "ROLE_AUDITOR");
    }

    @Test
    void tokenWithoutAUsableUserIsRejected() {
        JwtAuthentication converter = new JwtAuthentication(new JwtProperties(null, null, false, null, null), versions, null);
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("roles", List.of("ADMIN")))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("sub", "x".repeat(65)))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aBrandNewTokenUserIsProvisionedAndFoundByTheWorkflow() {
        String user = fixtures.unique("jwt-new").toLowerCase();
        String name = "令牌评委" + user;
        Map<String, Object> claims = Map.of("name", name, "email", user + "@example.com");
        // ADMIN never comes from a token: the identity provider grants with HR's rights.
        var me = bearer(token(TEST_KEY, user, List.of("JUDGE", "HR", "ADMIN"), Instant.now().plusSeconds(300), claims))
                .document("{ me { id name roles passwordChangeRequired } }").execute();
        me.path("me.name").entity(String.class).isEqualTo(name)
                .path("me.passwordChangeRequired").entity(Boolean.class).isEqualTo(false);
        assertThat(me.path("me.roles").entityList(String.class).get()).containsExactlyInAnyOrder("JUDGE", "HR");

        as(Fixtures.SUPERVISOR).document("query($n: String) { people(filter: {role: JUDGE, nameContains: $n}) { nodes { id email signIn } } }")
                .variable("n", name).execute()
                .path("people.nodes[*].id").entityList(String.class).containsExactly(user)
                .path("people.nodes[0].signIn").entity(String.class).isEqualTo("TOKEN")
                .path("people.nodes[0].email").entity(String.class).isEqualTo(user + "@example.com");
        assertThat(identity.createUserQuery().memberOfGroup("JUDGE").userId(user).count()).isEqualTo(1);
        assertThat(identity.createUserQuery().memberOfGroup("ADMIN").userId(user).count()).isZero();
        assertThat(panel.membersOf("JUDGE", 10_000)).contains(user);
        var changes = as(Fixtures.AUDITOR).document("query($u: ID) { roleChanges(userId: $u) { nodes { role action reason changedBy } } }")
                .variable("u", user).execute();
        assertThat(changes.path("roleChanges.nodes[*].reason").entityList(String.class).get()).containsExactly(TokenUsers.REASON, TokenUsers.REASON);
        assertThat(changes.path("roleChanges.nodes[*].changedBy").entityList(String.class).get()).containsOnly(TokenUsers.BY);

        // The identity provider takes JUDGE away: at the next request the engine follows, recorded.
        bearer(token(TEST_KEY, user, List.of("HR"), Instant.now().plusSeconds(300), claims)).document("{ me { roles } }").execute()
                .path("me.roles").entityList(String.class).containsExactly("HR");
        assertThat(identity.createUserQuery().memberOfGroup("JUDGE").userId(user).count()).isZero();
        as(Fixtures.AUDITOR).document("query($u: ID) { roleChanges(userId: $u) { nodes { role action } } }").variable("u", user).execute()
                .path("roleChanges.nodes[0].action").entity(String.class).isEqualTo("REVOKE")
                .path("roleChanges.nodes[0].role").entity(String.class).isEqualTo("JUDGE");
    }

    @Test
    void aProvisionedTokenUserClaimsATaskOfItsGroupAndIsACandidateForOthers() {
        String first = fixtures.unique("jwt-hr-a").toLowerCase();
        String second = fixtures.unique("jwt-hr-b").toLowerCase();
        HttpGraphQlTester a = bearer(token(TEST_KEY, first, List.of("HR"), Instant.now().plusSeconds(300)));
        bearer(token(TEST_KEY, second, List.of("HR"), Instant.now().plusSeconds(300))).document("{ me { id } }").execute().errors().verify();
        String pi = as(Fixtures.HR).document("""
                mutation { submitApplication(input: {name: "令牌候选人", phone: "13900001111", email: "lin@example.com",
                  origin: EXTERNAL, education: BACHELOR, yearsOfExperience: 3, performanceSummary: "三年客户服务经验",
                  declaresEthics: true, declaresNoBadRecord: true, declaresHealthy: true,
                  branchId: "%s", region: URBAN}) { application { processInstanceId } } }""".formatted(fixtures.branchId("城东分公司")))
                .execute()
                .path("submitApplication.application.processInstanceId").entity(String.class).get();
        jobs.runDue(pi);
        String businessKey = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();

        InboxClient inbox = new InboxClient(u -> a);
        String task = inbox.claimable(first, businessKey, "hrReview");
        inbox.claim(first, task).path("claimTask.task.assignee").entity(String.class).isEqualTo(first);
        // Handing it on checks the new assignee's engine memberships: a token user is a candidate like anyone.
        as(Fixtures.ADMIN).document("mutation($t: ID!, $u: String!) { reassignTask(input: {taskId: $t, userId: $u}) { task { assignee } } }")
                .variable("t", task).variable("u", second).execute()
                .path("reassignTask.task.assignee").entity(String.class).isEqualTo(second);
    }

    @Test
    void twoFirstRequestsOfANewTokenUserAtTheSameMomentBothSucceed() {
        String user = fixtures.unique("jwt-twin").toLowerCase();
        String token = token(TEST_KEY, user, List.of("JUDGE", "COMMITTEE"), Instant.now().plusSeconds(300));
        List<List<String>> roles = Simultaneously.run(4, i ->
                bearer(token).document("{ me { roles } }").execute().path("me.roles").entityList(String.class).get());
        assertThat(roles).allSatisfy(r -> assertThat(r).containsExactlyInAnyOrder("JUDGE", "COMMITTEE"));
        assertThat(fixtures.jdbc().queryForObject("select count(*) from role_change where user_id = ?", Integer.class, user))
                .isEqualTo(2);
    }

    @Test
    void theServiceKeepsAdminAndRefusesToManageTheIdentityProvidersRoles() {
        String user = fixtures.unique("jwt-adm").toLowerCase();
        HttpGraphQlTester tester = bearer(token(TEST_KEY, user, List.of("JUDGE"), Instant.now().plusSeconds(300)));
        tester.document("{ me { roles } }").execute().errors().verify();
        String grant = "mutation($u: ID!, $r: Role!) { grantRole(input: {userId: $u, role: $r, reason: \"x\"}) { changed } }";
        PeopleAndRolesTest.refused(as(Fixtures.HR).document(grant).variable("u", user).variable("r", "SUPERVISOR"), "CONFLICT", "input.userId");
        as(Fixtures.ADMIN).document(grant).variable("u", user).variable("r", "ADMIN").execute()
                .path("grantRole.changed").entity(Boolean.class).isEqualTo(true);
        // The token does not name ADMIN, and does not take it away either.
        assertThat(tester.document("{ me { roles } }").execute().path("me.roles").entityList(String.class).get())
                .containsExactlyInAnyOrder("JUDGE", "ADMIN");
        // A token login has no password to change.
        PeopleAndRolesTest.refused(tester.document("mutation { changeMyPassword(input: {currentPassword: \"a\", newPassword: \"Better12345y\"}) { changed } }"),
                "BAD_REQUEST", null);
        // Disabled: refused from the next request on, provisioning or not.
        as(Fixtures.ADMIN).document("mutation($u: ID!) { disableUser(input: {userId: $u, reason: \"离职\"}) { changed } }").variable("u", user)
                .execute().errors().verify();
        assertRefused("Bearer " + token(TEST_KEY, user, List.of("JUDGE"), Instant.now().plusSeconds(300)));
    }

    @Test
    void aTokenUserIdThatCannotBeALoginIsRefused() {
        assertRefused("Bearer " + token(TEST_KEY, "wang fang@example.com", List.of("JUDGE"), Instant.now().plusSeconds(300)));
        assertThat(identity.createUserQuery().userId("wang fang@example.com").count()).isZero();
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

    /** A token the service accepts for five minutes, for tests of other transports (the live inbox's WebSocket). */
    public static String validToken(String subject, List<String> roles) {
        return token(TEST_KEY, subject, roles, Instant.now().plusSeconds(300));
    }

    private static String token(PrivateKey key, String subject, List<String> roles, Instant expires) {
        return token(key, subject, roles, expires, Map.of());
    }

    private static String token(PrivateKey key, String subject, List<String> roles, Instant expires, Map<String, Object> more) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires));
        more.forEach(builder::claim);
        JWTClaimsSet claims = builder.build();
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
