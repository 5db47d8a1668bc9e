package com.hongda.cms.workflow.live;

import com.hongda.cms.common.DomainException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * An error that ends a running subscription (SLOW_SUBSCRIBER) as the client sees it: classified, with the
 * rule and a message, like an error of any request. Errors before the subscription runs go through the
 * ordinary resolver.
 */
@Component
class LiveStreamErrors extends SubscriptionExceptionResolverAdapter {

    private final MessageSource messages;

    LiveStreamErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        if (!(exception instanceof DomainException e)) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("field", e.field());
        extensions.put("rule", e.rule());
        return GraphqlErrorBuilder.newError().errorType(e.type())
                .message(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)).extensions(extensions).build();
    }
}
