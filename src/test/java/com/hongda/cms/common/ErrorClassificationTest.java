package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Whatever goes wrong, a client sees one of the six classifications, a message it can act on, and
 * never a stack trace or SQL; an unexpected failure is logged under the id the client receives.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorClassificationTest extends IntegrationTest {

    @Test
    void unexpectedExceptionIsAnInternalErrorWhoseIdTheLogCarries(CapturedOutput output) {
        EntityExchangeResult<String> result = post("{ boom }", "en");
        String body = result.getResponseBody();
        assertThat(body).doesNotContainIgnoringCase("secret").doesNotContain("SQL").doesNotContain("Exception")
                .doesNotContain("\\tat ").doesNotContain("com.hongda");

        Map<String, Object> error = firstError(result);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        assertThat(extensions).containsEntry("classification", "INTERNAL_ERROR");
        String id = (String) extensions.get("errorId");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(error.get("message")).isEqualTo("Internal server error (id " + id + "); please report it to the administrator");

        // The log has what the client must not see: the id, the exception and its SQL.
        assertThat(output.getAll()).contains("Internal error " + id).contains("secret_table").contains("IllegalStateException");
    }

    @Test
    void syntaxErrorIsABadRequestNamingWhereInTheCallersLanguage() {
        Map<String, Object> chinese = firstError(post("{ me { id }", null));
        assertThat(chinese.get("message")).isEqualTo("查询文档第 1 行第 12 列附近有语法错误");
        assertThat(chinese.get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST", "rule", "SYNTAX"));
        Map<String, Object> english = firstError(post("{ me { id }", "en"));
        assertThat(english.get("message")).isEqualTo("Syntax error in the query document near line 1, column 12");
    }

    @Test
    void unknownFieldIsAnInvalidQueryWithGraphQlJavasPreciseType() {
        Map<String, Object> error = firstError(post("{ me { salary } }", null));
        assertThat((String) error.get("message")).contains("salary");
        assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST", "rule", "INVALID_QUERY",
                "validation", "FieldUndefined"));
    }

    @Test
    void wrongVariableTypeIsATypeErrorNamingTheVariable() {
        as(Fixtures.ADMIN).document("query($n: Int) { customers(first: $n) { totalCount } }").variable("n", "many")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("rule", "TYPE").containsEntry("field", "n");
                    assertThat(e.getMessage()).isEqualTo("变量 $n 的值类型不对");
                }));
    }

    @Test
    void missingVariableIsRequired() {
        as(Fixtures.ADMIN, "en").document("query(\n  $id: ID!) { customer(id: $id) { id } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("rule", "REQUIRED").containsEntry("field", "id");
                    assertThat(e.getMessage()).isEqualTo("Variable $id needs a value");
                }));
    }

    @Test
    void unsupportedOperationIsAnInvalidQuery() {
        Map<String, Object> error = firstError(post("subscription { me { id } }", null));
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        assertThat(extensions).containsEntry("classification", "BAD_REQUEST").containsEntry("rule", "INVALID_QUERY");
    }

    @Test
    void beanValidationConstraintsAreNamedByTheServicesCodes() {
        String create = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }";
        Map<String, String> rules = new java.util.LinkedHashMap<>();
        for (Object[] c : new Object[][] {
                {"name", "  ", "input.name", "REQUIRED"},
                {"name", "x".repeat(201), "input.name", "MAX_LENGTH"},
                {"employees", -1, "input.employees", "RANGE"},
                {"monthlyRevenue", new java.math.BigDecimal("1.005"), "input.monthlyRevenue", "FORMAT"},
                {"contacts", List.of(Map.of("name", "张三", "email", "not-an-email")), "input.contacts[0].email", "FORMAT"}}) {
            Map<String, Object> input = new java.util.LinkedHashMap<>(Map.of("name", fixtures.unique("Ec"), "type", "ENTERPRISE",
                    "industry", "OTHER", "region", "URBAN", "employees", 1, "monthlyRevenue", 1));
            input.put((String) c[0], c[1]);
            as(Fixtures.ADMIN).document(create).variable("input", input).execute().errors().satisfy(errors ->
                    errors.forEach(e -> rules.put((String) e.getExtensions().get("field"), (String) e.getExtensions().get("rule"))));
            assertThat(rules).as("%s", c[1]).containsEntry((String) c[2], (String) c[3]);
            rules.clear();
        }
    }

    @Test
    void accessDeniedFollowsTheCallersLanguage() {
        String document = "{ managers { totalCount } }";
        for (String[] language : new String[][] {{null, "无权执行此操作"}, {"en", "You are not allowed to do this"}}) {
            as(Fixtures.CANDIDATE, language[0]).document(document).execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
                        assertThat(e.getMessage()).isEqualTo(language[1]);
                    }));
        }
    }

    @Test
    void unauthenticatedRequestIsA401WithAGraphQlErrorInTheCallersLanguage() {
        for (String[] language : new String[][] {{null, "请先登录（HTTP Basic 或持有者令牌）"}, {"en", "Log in first (HTTP Basic or a bearer token)"}}) {
            EntityExchangeResult<String> result = client(null, language[0]).post().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ me { id } }")).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"Realm\"")
                    .expectBody(String.class).returnResult();
            Map<String, Object> error = firstError(result);
            assertThat(error.get("message")).isEqualTo(language[1]);
            assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "UNAUTHORIZED"));
        }
    }

    @Test
    void malformedOrBatchedBodiesAreA400WithAGraphQlError() {
        for (String body : new String[] {"{\"query\":", "[{\"query\":\"{ me { id } }\"}]", "{\"variables\":{}}",
                "{\"query\":\"{ me { id } }\",\"variables\":\"x\"}", "not json"}) {
            EntityExchangeResult<String> result = client(Fixtures.ADMIN, "en").post().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody(String.class).returnResult();
            Map<String, Object> error = firstError(result);
            assertThat(error.get("extensions")).as(body).isEqualTo(Map.of("classification", "BAD_REQUEST", "rule", "INVALID_REQUEST"));
            assertThat((String) error.get("message")).startsWith("The body is not a GraphQL request");
        }
    }

    @Test
    void otherMediaTypesAreA415WithAGraphQlError() {
        for (MediaType type : new MediaType[] {MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED}) {
            EntityExchangeResult<String> result = client(Fixtures.ADMIN, null).post().contentType(type)
                    .bodyValue("{\"query\":\"{ me { id } }\"}").exchange()
                    .expectStatus().isEqualTo(415)
                    .expectBody(String.class).returnResult();
            Map<String, Object> error = firstError(result);
            assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST", "rule", "UNSUPPORTED_MEDIA_TYPE"));
            assertThat(error.get("message")).isEqualTo("GraphQL 请求的 Content-Type 须为 application/json");
        }
    }

    @Test
    void otherMethodsAreA405WithAGraphQlError() {
        for (org.springframework.http.HttpMethod method : new org.springframework.http.HttpMethod[] {
                org.springframework.http.HttpMethod.GET, org.springframework.http.HttpMethod.PUT,
                org.springframework.http.HttpMethod.DELETE, org.springframework.http.HttpMethod.PATCH}) {
            EntityExchangeResult<String> result = client(Fixtures.ADMIN, "en").method(method).uri("")
                    .exchange()
                    .expectStatus().isEqualTo(405)
                    .expectHeader().valueEquals("Allow", "POST")
                    .expectBody(String.class).returnResult();
            Map<String, Object> error = firstError(result);
            assertThat(error.get("extensions")).as(method.name())
                    .isEqualTo(Map.of("classification", "BAD_REQUEST", "rule", "METHOD_NOT_ALLOWED"));
            assertThat(error.get("message")).isEqualTo("Send GraphQL requests with POST");
        }
    }

    private EntityExchangeResult<String> post(String document, String language) {
        return client(Fixtures.ADMIN, language).post().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(EntityExchangeResult<String> result) {
        Map<String, Object> body = parse(result.getResponseBody());
        return ((List<Map<String, Object>>) body.get("errors")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return new ObjectMapper().readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
