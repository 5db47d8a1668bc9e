package com.hongda.cms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hongda.cms.recruitment.BenchApplications;
import com.hongda.cms.recruitment.SubmitApplicationInput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Camunda REST API (camunda-bpm-spring-boot-starter-rest, benchmark profile only), behind the
 * same HTTP Basic: start by key, query tasks, claim, complete with the same typed variables. The
 * REST API knows no domain tables, so the application row is saved in-process first (one JPA
 * insert, counted in this route's time), as an integration would through its own means.
 */
final class RestRoute implements Route {

    private final Http http;
    private final BenchApplications applications;
    private final TransactionTemplate tx;
    private final List<Story.Step> steps = Story.steps();
    private final SubmitApplicationInput input = BenchApplications.input(true);

    RestRoute(Http http, BenchApplications applications, TransactionTemplate tx) {
        this.http = http;
        this.applications = applications;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "REST";
    }

    @Override
    public void lifecycle() {
        String hr = Http.basic(Story.HR, Story.PASSWORD);
        long id = BenchApp.counted("REST (in-process) application row", () -> tx.execute(s -> applications.saveSubmitted(input, Story.HR)));
        String bk = "APPLICATION-" + id;
        JsonNode started = http.rest("POST", "/process-definition/key/recruitment-review/start", hr,
                Map.of("businessKey", bk, "variables", typed(applications.startVariables(id, input))));
        String pi = started.path("id").asText();
        for (Story.Step step : steps) {
            String auth = Http.basic(step.user(), Story.PASSWORD);
            String query = "/task?processInstanceId=" + pi + "&taskDefinitionKey=" + step.key()
                    + (step.hrGroup() ? "&candidateGroup=HR" : "&candidateUser=" + enc(step.user()));
            String taskId = Story.await(step.key() + " of " + bk, () -> {
                JsonNode list = http.rest("GET", query, auth, null);
                return list.isEmpty() ? null : list.get(0).path("id").asText();
            });
            http.rest("POST", "/task/" + taskId + "/claim", auth, Map.of("userId", step.user()));
            http.rest("POST", "/task/" + taskId + "/complete", auth, Map.of("variables", typed(step.values())));
        }
        Story.await("end of " + bk, () -> http.rest("GET", "/process-instance/count?processInstanceIds=" + pi, hr, null)
                .path("count").asLong() == 0 ? Boolean.TRUE : null);
    }

    /** Camunda REST's typed-value form: {"name": {"value": …, "type": "Long"}}. */
    static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, Map.of("value", v, "type",
                v instanceof Long ? "Long" : v instanceof Double ? "Double" : v instanceof Boolean ? "Boolean" : "String")));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
