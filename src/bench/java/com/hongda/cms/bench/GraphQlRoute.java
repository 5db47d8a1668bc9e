package com.hongda.cms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** GraphQL over HTTP exactly as a front end calls it: HTTP Basic, the inbox, claimTask, completeTask. */
final class GraphQlRoute implements Route {

    static final String SUBMIT_TEMPLATE = """
            mutation { submitApplication(input: {name: "基准候选人", phone: "13900001111", email: "bench@example.com",
              origin: EXTERNAL, education: BACHELOR, yearsOfExperience: 3, performanceSummary: "三年客户服务经验",
              declaresEthics: true, declaresNoBadRecord: true, declaresHealthy: true,
              branchId: "%s", region: URBAN}) { application { id state processInstanceId } } }""";
    static final String CLAIMABLE = """
            query($bk: String!) { claimableTasks(filter: {businessKey: $bk}) { nodes { id step } } }""";
    static final String CLAIM = "mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { id assignee } } }";
    static final String COMPLETE = """
            mutation($id: ID!, $values: [FormValueInput!]) { completeTask(input: {taskId: $id, values: $values}) { processEnded } }""";
    static final String STATE = "query($id: ID!) { application(id: $id) { state } }";

    private final Http http;
    private final List<Story.Step> steps = Story.steps();

    GraphQlRoute(Http http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "GraphQL";
    }

    @Override
    public void lifecycle() {
        String hr = Http.basic(Story.HR, Story.PASSWORD);
        JsonNode app = http.graphql(hr, SUBMIT_TEMPLATE.formatted(com.hongda.cms.recruitment.BenchApplications.branchId()), Map.of()).path("submitApplication").path("application");
        String id = app.path("id").asText();
        String bk = "APPLICATION-" + id;
        for (Story.Step step : steps) {
            String auth = Http.basic(step.user(), Story.PASSWORD);
            String taskId = Story.await(step.key() + " of " + bk, () -> {
                for (JsonNode t : http.graphql(auth, CLAIMABLE, Map.of("bk", bk)).path("claimableTasks").path("nodes")) {
                    if (step.key().equals(t.path("step").asText())) {
                        return t.path("id").asText();
                    }
                }
                return null;
            });
            http.graphql(auth, CLAIM, Map.of("id", taskId));
            List<Map<String, String>> values = step.text().entrySet().stream()
                    .map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
            http.graphql(auth, COMPLETE, Map.of("id", taskId, "values", values));
        }
        Story.await("hire of " + bk, () -> {
            String state = http.graphql(hr, STATE, Map.of("id", id)).path("application").path("state").asText();
            if (!"IN_REVIEW".equals(state) && !"HIRED".equals(state)) {
                throw new IllegalStateException(bk + " ended " + state);
            }
            return "HIRED".equals(state) ? state : null;
        });
    }
}
