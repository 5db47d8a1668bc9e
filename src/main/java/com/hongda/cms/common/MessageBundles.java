package com.hongda.cms.common;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles, found by convention: {@code messages.properties} (what every module shares)
 * and one {@code messages-<family>.properties} per process family or module, each with its
 * {@code _en} translation; zh-CN is the default. A new family adds its bundle and nothing else.
 * A request in another language falls back to Chinese, never to the server's own locale.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    static final String SHARED = "messages";

    @Bean
    MessageSource messageSource() throws IOException {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** {@code messages} and every {@code messages-<name>} on the class path (translations are not bundles of their own). */
    static List<String> basenames() throws IOException {
        TreeSet<String> families = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + SHARED + "-*.properties")) {
            String name = r.getFilename();
            String base = name == null ? null : name.substring(0, name.length() - ".properties".length());
            if (base != null && !base.contains("_")) {
                families.add(base);
            }
        }
        List<String> names = new ArrayList<>();
        names.add(SHARED);
        names.addAll(families);
        return names;
    }
}
