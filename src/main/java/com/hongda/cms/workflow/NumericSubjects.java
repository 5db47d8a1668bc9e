package com.hongda.cms.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link SubjectResolver} of a subject type whose ids are numbers (the id of a JPA entity): a
 * module that owns such a type extends this with its type, class, GraphQL type and a finder, and
 * adds {@code extend union Subject = <GraphQL type>} to its schema. Ids that cannot be numbers are
 * no objects.
 */
public abstract class NumericSubjects<T> implements SubjectResolver {

    private final String type;
    private final Class<T> javaType;
    private final String graphQlType;
    private final Function<List<Long>, Iterable<T>> finder;
    private final Function<T, Long> id;

    protected NumericSubjects(String type, Class<T> javaType, String graphQlType,
                              Function<List<Long>, Iterable<T>> finder, Function<T, Long> id) {
        this.type = type;
        this.javaType = javaType;
        this.graphQlType = graphQlType;
        this.finder = finder;
        this.id = id;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public String graphQlType() {
        return graphQlType;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> resolve(Collection<String> ids) {
        List<Long> numeric = ids.stream().filter(s -> s != null && s.matches("\\d{1,18}")).map(Long::valueOf).toList();
        Map<String, Object> result = new HashMap<>();
        if (!numeric.isEmpty()) {
            finder.apply(numeric).forEach(o -> result.put(id.apply(o).toString(), o));
        }
        return result;
    }
}
