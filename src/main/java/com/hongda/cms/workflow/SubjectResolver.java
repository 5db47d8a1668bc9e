package com.hongda.cms.workflow;

import java.util.Collection;
import java.util.Map;

/**
 * Turns subject ids of one type into domain objects, many at a time. Each module that owns a subject
 * type provides one, so the workflow module depends on no domain module.
 */
public interface SubjectResolver {

    /** The subject type this resolver answers, e.g. {@link Subject#CUSTOMER}. */
    String type();

    /** The Java class of the resolved objects. */
    Class<?> javaType();

    /** The GraphQL type of the resolved objects: a member of the {@code Subject} union. */
    String graphQlType();

    /** The domain objects for these ids; ids that are no object are absent from the map. */
    Map<String, Object> resolve(Collection<String> ids);
}
