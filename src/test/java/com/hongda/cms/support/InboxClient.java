package com.hongda.cms.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The task inbox as an approver's front end uses it, over real HTTP, for every family's tests: find
 * a case's claimable task, claim it, complete it with form values as text. The documents are files
 * in {@code src/test/resources/graphql-test/} (claimableInCase, claimTask, completeTask).
 */
public final class InboxClient {

    private final Function<String, HttpGraphQlTester> as;

    /** @param as a GraphQL client logged in as the given user (e.g. {@code IntegrationTest::as}) */
    public InboxClient(Function<String, HttpGraphQlTester> as) {
        this.as = as;
    }

    /** The id of the task at {@code step} of the case that {@code user} may claim; fails if there is none. */
    public String claimable(String user, String businessKey, String step) {
        List<Map<String, Object>> tasks = as.apply(user).documentName("claimableInCase").variable("bk", businessKey).execute()
                .path("claimableTasks.nodes").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        return tasks.stream().filter(t -> step.equals(t.get("step"))).map(t -> (String) t.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no " + step + " task in " + businessKey + ": " + tasks));
    }

    public GraphQlTester.Response claim(String user, String taskId) {
        return as.apply(user).documentName("claimTask").variable("id", taskId).execute();
    }

    public GraphQlTester.Response complete(String user, String taskId, Map<String, ?> values) {
        return as.apply(user).documentName("completeTask").variable("id", taskId).variable("values", values(values)).execute();
    }

    /** Finds, claims and completes the user's task at {@code step} of the case; every answer must be free of errors. */
    public void work(String user, String businessKey, String step, Map<String, ?> values) {
        String taskId = claimable(user, businessKey, step);
        claim(user, taskId).errors().verify();
        complete(user, taskId, values).errors().verify();
    }

    /**
     * A completeTask that claims the task too ({@code claim: true}), with variables {@code id} and
     * {@code values} and the given selection of the answer.
     */
    public static String claimingAndCompleting(String selection) {
        return "mutation($id: ID!, $values: [FormValueInput!]) { completeTask(input: {taskId: $id, values: $values, claim: true}) {\n"
                + selection + " } }";
    }

    /** Form values as the API takes them: each key with its value as text, in the given order. */
    public static List<Map<String, Object>> values(Map<String, ?> values) {
        return new LinkedHashMap<>(values).entrySet().stream()
                .map(e -> Map.<String, Object>of("key", e.getKey(), "value", String.valueOf(e.getValue()))).toList();
    }
}
