package com.hongda.cms.common;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Gives {@link DomainException#getMessage()} the message bundles, so that a refusal that ends up
 * outside a request — a failed automatic step, whose message the engine keeps as the incident's
 * message — reads as text in the service's default language (spring.web.locale), not as a key.
 */
@Component
class DomainExceptionTexts {

    DomainExceptionTexts(MessageSource messages, @Value("${spring.web.locale:zh_CN}") Locale locale) {
        DomainException.useTexts((key, args) -> messages.getMessage(key, args, key, locale));
    }
}
