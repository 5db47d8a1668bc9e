package com.hongda.cms.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How large a GraphQL request may be. A request past any limit is refused with a BAD_REQUEST error
 * before a single field is fetched.
 *
 * @param maxCharacters    longest document, in characters, checked before it is parsed
 * @param maxTokens        most grammar tokens the parser reads before it gives up
 * @param maxDepth         deepest nesting of fields (introspection-only requests are exempt:
 *                         graphql-java's good-faith introspection check guards them)
 * @param maxComplexity    largest estimated answer: every field counts 1, and what a list field
 *                         selects counts once per element it may return (see {@link QueryLimits})
 * @param assumedListSize  how many elements a list without paging arguments is assumed to hold
 * @param maxRootFields    most fields the operation selects at its top level (distinct response keys,
 *                         fragments included): each is a lookup of its own, whatever its complexity
 * @param maxAliases       most aliased fields in the operation, fragments counted where they are spread:
 *                         aliases repeat one field with other arguments, so a thousand of them are a
 *                         thousand lookups
 *
 * <p>The upper bounds keep every complexity sum inside an int: a document has at most
 * {@code maxTokens} fields, and {@link QueryLimits} counts none above {@code Integer.MAX_VALUE / maxTokens}.
 */
@Validated
@ConfigurationProperties("cms.graphql")
public record GraphQlLimitsProperties(
        @Min(100) @Max(1_000_000) int maxCharacters,
        @Min(100) @Max(20_000) int maxTokens,
        @Min(2) @Max(100) int maxDepth,
        @Min(10) @Max(100_000) int maxComplexity,
        @Min(1) @Max(1_000) int assumedListSize,
        @Min(1) @Max(1_000) int maxRootFields,
        @Min(1) @Max(10_000) int maxAliases) {

    public GraphQlLimitsProperties {
        maxCharacters = orDefault(maxCharacters, 50_000);
        maxTokens = orDefault(maxTokens, 15_000);
        maxDepth = orDefault(maxDepth, 12);
        maxComplexity = orDefault(maxComplexity, 6_000);
        assumedListSize = orDefault(assumedListSize, 5);
        maxRootFields = orDefault(maxRootFields, 20);
        maxAliases = orDefault(maxAliases, 50);
    }

    private static int orDefault(int value, int fallback) {
        return value == 0 ? fallback : value;
    }
}
