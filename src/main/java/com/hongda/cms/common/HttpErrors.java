package com.hongda.cms.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The body of a refusal that happens before GraphQL runs (an unauthenticated request, a body that
 * is not a GraphQL request, an unsupported media type or method): a GraphQL response with one
 * error, {@code {"errors":[{"message":…,"extensions":{"classification":…,"rule":…}}]}}, in the
 * language of the request's {@code Accept-Language}, so a front end reads every failure the same way.
 */
@Component
public class HttpErrors {

    /** The GraphQL-over-HTTP response type; answered when the client accepts it, else application/json. */
    public static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private final MessageSource messages;
    private final ObjectMapper json;

    public HttpErrors(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The response body, with the message in the language the request asks for. */
    public Map<String, Object> body(String acceptLanguage, ErrorType type, String rule, String messageKey, Object... args) {
        return Map.of("errors", List.of(error(RequestLocale.resolve(acceptLanguage), type, rule, null, messageKey, args)));
    }

    /**
     * One error of such a body: the message in {@code locale}, the classification, the rule and any
     * further extensions (e.g. the row and column of a spreadsheet's cell), for a body of several errors.
     */
    public Map<String, Object> error(Locale locale, ErrorType type, String rule, Map<String, Object> more, String messageKey,
                                     Object... args) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", type.name());
        if (rule != null) {
            extensions.put("rule", rule);
        }
        if (more != null) {
            extensions.putAll(more);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", messages.getMessage(messageKey, args, messageKey, locale));
        error.put("extensions", extensions);
        return error;
    }

    /**
     * The content type to answer with: the GraphQL response type if the client accepts it, else JSON
     * (also for a malformed {@code Accept} header).
     */
    public static MediaType contentType(String accept) {
        try {
            if (accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(t -> t.equalsTypeAndSubtype(GRAPHQL_RESPONSE))) {
                return GRAPHQL_RESPONSE;
            }
        } catch (RuntimeException malformed) {
            // Not a reason to refuse the answer: plain JSON.
        }
        return MediaType.APPLICATION_JSON;
    }

    /** Writes the refusal as the whole response. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, ErrorType type, String rule,
                      String messageKey, Object... args) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(contentType(request.getHeader("Accept")).toString());
        json.writeValue(response.getOutputStream(),
                body(request.getHeader("Accept-Language"), type, rule, messageKey, args));
    }
}
