package com.hongda.cms.common;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's {@code DateTime} (ISO-8601 instant, UTC) and {@code Date} (ISO-8601 calendar date),
 * and a strict {@code ID}: graphql-java's own turns any variable value into text ({@code {"a": 1}}
 * becomes the id {@code {a=1}}); this one takes only a string or a whole number, as the GraphQL
 * specification says, and refuses anything else as a type error before any field runs.
 */
@Configuration(proxyBeanMethods = false)
public class Scalars {

    /** Longer than any ISO date-time: refused before parsing. */
    private static final int MAX_LENGTH = 40;

    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        GraphQLScalarType dateTime = scalar("DateTime", "An instant, ISO-8601 in UTC, e.g. 2026-01-31T08:00:00Z",
                Instant.class, Instant::parse);
        GraphQLScalarType date = scalar("Date", "A calendar date, ISO-8601, e.g. 2026-01-31",
                LocalDate.class, LocalDate::parse);
        // Strict wiring refuses to redefine a built-in scalar; ID is redefined on purpose, nothing else.
        return wiring -> wiring.scalar(dateTime).scalar(date).strictMode(false).scalar(strictId()).strictMode(true);
    }

    static GraphQLScalarType strictId() {
        Coercing<Object, String> coercing = new Coercing<>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof String || value instanceof Long || value instanceof Integer
                        || value instanceof BigInteger || value instanceof UUID) {
                    return value.toString();
                }
                throw new CoercingSerializeException("Not an ID: " + value.getClass().getSimpleName());
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String s) {
                    return s;
                }
                if (input instanceof Integer || input instanceof Long || input instanceof BigInteger
                        || input instanceof Short || input instanceof Byte) {
                    return input.toString();
                }
                throw new CoercingParseValueException("Expected a string or a whole number for an ID");
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue s) {
                    return s.getValue();
                }
                if (input instanceof IntValue i) {
                    return i.getValue().toString();
                }
                throw new CoercingParseLiteralException("Expected a string or a whole number for an ID");
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return StringValue.of(serialize(input, context, locale));
            }
        };
        return GraphQLScalarType.newScalar(graphql.Scalars.GraphQLID).coercing(coercing).build();
    }

    private static <T> GraphQLScalarType scalar(String name, String description, Class<T> type, Function<String, T> parser) {
        Coercing<T, String> coercing = new Coercing<>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return value.toString();
                }
                throw new CoercingSerializeException("Not a " + name + ": " + value.getClass().getSimpleName());
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String s) {
                    T parsed = parse(s);
                    if (parsed != null) {
                        return parsed;
                    }
                }
                throw new CoercingParseValueException("Expected an ISO-8601 " + name);
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue s) {
                    T parsed = parse(s.getValue());
                    if (parsed != null) {
                        return parsed;
                    }
                }
                throw new CoercingParseLiteralException("Expected an ISO-8601 " + name);
            }

            private T parse(String s) {
                if (s == null || s.length() > MAX_LENGTH) {
                    return null;
                }
                try {
                    return parser.apply(s);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        };
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(coercing).build();
    }
}
