package com.hongda.cms.common;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct query document once. A front end sends the same few documents
 * over and over with different variables; graphql-java would otherwise parse and validate every
 * one of them again (a measurable share of a small mutation's time, see README "Performance").
 *
 * <p>The key is the document and the request's locale (validation messages are localised). Only
 * documents that parsed and validated cleanly, and of at most {@link #MAX_LENGTH} characters, are
 * kept: a front end's documents are a few hundred characters, and a client sending broken, huge or
 * ever-changing documents can neither fill memory nor the cache with them; the least recently used
 * entry makes room for a new one. Limits that depend on variables (depth, complexity, page sizes)
 * are checked on every execution, after this cache ({@link QueryLimits}).
 */
@Configuration(proxyBeanMethods = false)
public class DocumentCache implements PreparsedDocumentProvider {

    /** Entries kept; a front end uses far fewer distinct documents than this. */
    static final int MAX_ENTRIES = 300;

    /** Longest document kept, in characters; longer ones are parsed on every request. */
    static final int MAX_LENGTH = 4_000;

    private record Key(String document, Locale locale) {
    }

    private final Map<Key, PreparsedDocumentEntry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PreparsedDocumentEntry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @Bean
    GraphQlSourceBuilderCustomizer documentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), input.getLocale());
        PreparsedDocumentEntry entry = null;
        if (key.document().length() <= MAX_LENGTH) {
            synchronized (entries) {
                entry = entries.get(key);
            }
        }
        if (entry == null) {
            // Parsed outside the lock: two threads may parse the same new document once each, which
            // is cheaper than making every request wait behind one parse.
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors() && key.document().length() <= MAX_LENGTH) {
                synchronized (entries) {
                    entries.put(key, entry);
                }
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** Documents held now (for tests). */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
