package com.hongda.cms.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a result as they are stored: a JSON object of indicator → value, or a JSON list of
 * customer ratings. Kept as text on the result row, so the auditor reads exactly what was entered.
 */
final class PartValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PartValues() {
    }

    static String scores(Map<Indicator, BigDecimal> values) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        values.forEach((k, v) -> ordered.put(k.name(), v));
        return write(ordered);
    }

    static Map<Indicator, BigDecimal> scores(String json) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        if (json != null) {
            read(json, new TypeReference<Map<String, BigDecimal>>() { }).forEach((k, v) -> values.put(Indicator.valueOf(k), v));
        }
        return values;
    }

    /** The visit coverage a score read, as {@code {"customers":12,"overdue":3}}. */
    static String coverage(com.hongda.cms.visit.VisitCoverage coverage) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        ordered.put("customers", coverage.customers());
        ordered.put("overdue", coverage.overdue());
        return write(ordered);
    }

    static String ratings(List<BigDecimal> ratings) {
        return write(ratings);
    }

    static List<BigDecimal> ratings(String json) {
        return json == null ? List.of() : new ArrayList<>(read(json, new TypeReference<List<BigDecimal>>() { }));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable part " + json, e);
        }
    }
}
