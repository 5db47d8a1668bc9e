package com.hongda.cms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GraphQL as a good front end calls it: every user keeps one live inbox subscription (WebSocket) open for the
 * whole run and learns of its tasks from it instead of polling; each step is one request, {@code completeTask}
 * with {@code claim: true}, whose answer names the caller's next task in the case when there is one (HR's three
 * steps in a row); the end of the case comes as a {@code caseChanged} event, and one query confirms HIRED.
 * Requests per lifecycle: 1 submission + 7 completions + 1 state query. Like a front end that has just connected,
 * a step whose event does not come within 5 s (the subscription not yet registered when the run starts) is
 * looked up once with {@code claimableTasks} and then waited for by polling as before; in a steady run never.
 */
final class GraphQlRoute implements Route {

    static final String SUBMIT_TEMPLATE = """
            mutation { submitApplication(input: {name: "基准候选人", phone: "13900001111", email: "bench@example.com",
              origin: EXTERNAL, education: BACHELOR, yearsOfExperience: 3, performanceSummary: "三年客户服务经验",
              declaresEthics: true, declaresNoBadRecord: true, declaresHealthy: true,
              branchId: "%s", region: URBAN}) { application { id state processInstanceId } } }""";
    static final String COMPLETE = """
            mutation($id: ID!, $values: [FormValueInput!]) { completeTask(input: {taskId: $id, values: $values, claim: true}) {
              processEnded nextTask { id step } } }""";
    static final String STATE = "query($id: ID!) { application(id: $id) { state } }";
    static final String WATCH = "subscription($pi: ID!) { caseChanged(processInstanceId: $pi) { kind } }";
    static final String CLAIM = "mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { id assignee } } }";
    static final String CLAIMABLE = """
            query($bk: String!) { claimableTasks(filter: {businessKey: $bk}) { nodes { id step } } }""";

    private final Http http;
    private final int port;
    private final List<Story.Step> steps = Story.steps();
    private Map<String, LiveClient> inboxes;

    GraphQlRoute(Http http, int port) {
        this.http = http;
        this.port = port;
    }

    /** Each user's live inbox, opened at the first lifecycle (the harness creates the users after the routes). */
    private synchronized Map<String, LiveClient> inboxes() {
        if (inboxes == null) {
            inboxes = new LinkedHashMap<>();
            for (String user : steps.stream().map(Story.Step::user).distinct().toList()) {
                inboxes.put(user, new LiveClient(port, user, Story.PASSWORD));
            }
        }
        return inboxes;
    }

    @Override
    public String name() {
        return "GraphQL";
    }

    @Override
    public void lifecycle() {
        String hr = Http.basic(Story.HR, Story.PASSWORD);
        Map<String, LiveClient> inboxes = inboxes();
        JsonNode app = http.graphql(hr, SUBMIT_TEMPLATE.formatted(com.hongda.cms.recruitment.BenchApplications.branchId()), Map.of())
                .path("submitApplication").path("application");
        String id = app.path("id").asText();
        String bk = "APPLICATION-" + id;
        // Watching the case on HR's connection: no request, a message on the open WebSocket.
        var ended = inboxes.get(Story.HR).client().document(WATCH).variable("pi", app.path("processInstanceId").asText())
                .executeSubscription().filter(r -> "CASE_ENDED".equals(r.field("caseChanged.kind").getValue())).next().toFuture();
        String next = null;
        for (Story.Step step : steps) {
            LiveClient inbox = inboxes.get(step.user());
            String taskId = next != null ? next : inbox.awaitTask(bk, step.key(), java.time.Duration.ofSeconds(5));
            if (taskId == null) {
                taskId = lookUp(step, bk);
            }
            List<Map<String, String>> values = step.text().entrySet().stream()
                    .map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
            JsonNode done = http.graphql(Http.basic(step.user(), Story.PASSWORD), COMPLETE, Map.of("id", taskId, "values", values))
                    .path("completeTask");
            JsonNode nextTask = done.path("nextTask");
            next = null;
            if (!nextTask.isMissingNode() && !nextTask.isNull()) {
                next = nextTask.path("id").asText();
                inbox.known(bk, nextTask.path("step").asText());
            }
        }
        try {
            ended.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no end of " + bk + ": " + e, e);
        }
        String state = http.graphql(hr, STATE, Map.of("id", id)).path("application").path("state").asText();
        if (!"HIRED".equals(state)) {
            throw new IllegalStateException(bk + " ended " + state);
        }
        inboxes.values().forEach(i -> i.forget(bk));
    }

    /** The task as a front end finds it without an event: the claimable list, polled until it shows. */
    private String lookUp(Story.Step step, String bk) {
        System.err.println("GraphQL route: no event for " + step.key() + " of " + bk + " within 5 s; looking it up");
        String auth = Http.basic(step.user(), Story.PASSWORD);
        return Story.await(step.key() + " of " + bk, () -> {
            for (JsonNode t : http.graphql(auth, CLAIMABLE, Map.of("bk", bk)).path("claimableTasks").path("nodes")) {
                if (step.key().equals(t.path("step").asText())) {
                    return t.path("id").asText();
                }
            }
            return null;
        });
    }

    /** How long after their commit the subscribers heard of the events, in microseconds, all users together. */
    List<Long> eventDelaysMicros() {
        return inboxes == null ? List.of() : inboxes.values().stream().flatMap(i -> i.delaysMicros().stream()).toList();
    }

    /** Forgets the delays recorded so far (the warm-up's). */
    void clearDelays() {
        if (inboxes != null) {
            inboxes.values().forEach(LiveClient::clearDelays);
        }
    }

    /**
     * The same users' live inboxes on another node ({@link SecondNode}): they only listen, so that their delays
     * tell how soon a subscriber on that node hears of this node's commits.
     */
    List<LiveClient> listenOn(int otherPort) {
        return steps.stream().map(Story.Step::user).distinct().map(u -> new LiveClient(otherPort, u, Story.PASSWORD)).toList();
    }

    /** Closes the users' live inboxes (a later lifecycle opens them again). */
    synchronized void close() {
        if (inboxes != null) {
            inboxes.values().forEach(LiveClient::close);
            inboxes = null;
        }
    }
}
