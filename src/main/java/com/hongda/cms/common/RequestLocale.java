package com.hongda.cms.common;

import java.util.Locale;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * People read this system in Chinese first: a request without {@code Accept-Language} is answered
 * in zh-CN, whatever the server's own locale. English is chosen by asking for it.
 */
@Component
public class RequestLocale implements WebGraphQlInterceptor {

    /** Key of the locale in the GraphQL context, where batch loaders (which get no Locale argument) find it. */
    public static final String CONTEXT_KEY = "cms.locale";

    /** The request's locale from a GraphQL context; zh-CN when absent. */
    public static Locale of(graphql.GraphQLContext context) {
        Locale locale = context == null ? null : context.get(CONTEXT_KEY);
        return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Locale locale = resolve(request.getHeaders().getFirst("Accept-Language"));
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(CONTEXT_KEY, locale);
            return builder.locale(locale).build();
        });
        return chain.next(request);
    }

    static Locale resolve(String header) {
        if (header == null || header.isBlank() || header.length() > 200) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                if (tag.startsWith("en")) {
                    return Locale.ENGLISH;
                }
                if (tag.startsWith("zh")) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // A malformed header is no reason to refuse the request.
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
