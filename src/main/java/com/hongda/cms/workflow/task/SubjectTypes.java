package com.hongda.cms.workflow.task;

import com.hongda.cms.workflow.SubjectResolver;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Tells GraphQL which member of the {@code Subject} union a resolved domain object is. */
@Configuration(proxyBeanMethods = false)
class SubjectTypes {

    @Bean
    RuntimeWiringConfigurer subjectUnion(List<SubjectResolver> resolvers) {
        TypeResolver typeResolver = env -> {
            Object o = env.getObject();
            for (SubjectResolver r : resolvers) {
                if (r.javaType().isInstance(o)) {
                    return (GraphQLObjectType) env.getSchema().getType(r.graphQlType());
                }
            }
            return null;
        };
        return wiring -> wiring.type("Subject", builder -> builder.typeResolver(typeResolver));
    }
}
