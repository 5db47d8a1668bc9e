package com.hongda.cms.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shapes the result of a {@code @BatchMapping}: each source object paired with its looked-up value. */
public final class Batches {

    private Batches() {
    }

    /**
     * Pairs every source with {@code values.get(key(source))}, or with {@code fallback} when there is
     * none; with a null fallback the source is left out, which GraphQL answers as null.
     */
    public static <S, K, V> Map<S, V> pair(List<S> sources, Function<S, K> key, Map<K, V> values, V fallback) {
        Map<S, V> result = new LinkedHashMap<>();
        for (S source : sources) {
            K k = key.apply(source);
            V value = k == null ? null : values.get(k);
            if (value == null) {
                value = fallback;
            }
            if (value != null) {
                result.put(source, value);
            }
        }
        return result;
    }
}
