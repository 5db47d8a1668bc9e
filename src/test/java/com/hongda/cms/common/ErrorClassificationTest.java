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
    void syntaxErrorIsABadRequest() {
        assertBadRequest("{ me { id }", "InvalidSyntax");
    }

    @Test
    void unknownFieldIsABadRequest() {
        assertBadRequest("{ me { salary } }", "ValidationError");
    }

    @Test
    void wrongVariableTypeIsABadRequest() {
        as(Fixtures.ADMIN).document("query($n: Int) { customers(first: $n) { totalCount } }").variable("n", "many")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("rule", "ValidationError");
                }));
    }

    @Test
    void unsupportedOperationIsABadRequest() {
        assertBadRequest("subscription { me { id } }", "ValidationError");
    }

    private void assertBadRequest(String document, String rule) {
        Map<String, Object> error = firstError(post(document, null));
        assertThat((String) error.get("message")).isNotBlank();
        assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST", "rule", rule));
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
