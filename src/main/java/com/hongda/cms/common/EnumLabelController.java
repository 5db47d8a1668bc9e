package com.hongda.cms.common;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Controller;

/**
 * {@code enumLabels}: the display name of every enum code in the schema, in the caller's language,
 * from the bundles' {@code label.<EnumType>.<CODE>} keys. Front ends show these, never the codes.
 */
@Controller
class EnumLabelController {

    /** One code of one enum type with its display name. */
    record EnumLabel(String type, String code, String label) {
    }

    private final ObjectProvider<GraphQlSource> graphQlSource;
    private final org.springframework.context.MessageSource messages;

    EnumLabelController(ObjectProvider<GraphQlSource> graphQlSource, org.springframework.context.MessageSource messages) {
        this.graphQlSource = graphQlSource;
        this.messages = messages;
    }

    @QueryMapping
    List<EnumLabel> enumLabels(@Argument List<String> types, Locale locale) {
        Set<String> wanted = types == null ? null : Set.copyOf(types.stream().limit(100).toList());
        List<EnumLabel> labels = new ArrayList<>();
        graphQlSource.getObject().schema().getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLEnumType && !t.getName().startsWith("__"))
                .map(GraphQLEnumType.class::cast)
                .filter(t -> wanted == null || wanted.contains(t.getName()))
                .forEach(t -> {
                    for (GraphQLEnumValueDefinition v : t.getValues()) {
                        String key = "label." + t.getName() + "." + v.getName();
                        labels.add(new EnumLabel(t.getName(), v.getName(), messages.getMessage(key, null, v.getName(), locale)));
                    }
                });
        return labels;
    }
}
