package com.hongda.cms.workflow;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names of processes and their steps in the caller's language, from the bundles' keys
 * {@code process.<processKey>} and {@code process.<processKey>.<step>}; the model's own (English)
 * name when the bundles have none.
 */
@Component
public class StepNames {

    private final MessageSource messages;

    StepNames(MessageSource messages) {
        this.messages = messages;
    }

    public String process(String processKey, String fallback, Locale locale) {
        return messages.getMessage("process." + processKey, null, fallback, locale);
    }

    public String step(String processKey, String step, String fallback, Locale locale) {
        return messages.getMessage("process." + processKey + "." + step, null, fallback, locale);
    }
}
