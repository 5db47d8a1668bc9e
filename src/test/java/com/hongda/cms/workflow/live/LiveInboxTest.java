package com.hongda.cms.workflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.security.JwtTest;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.Simultaneously;
import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.TaskProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The live inbox over both transports with real clients: Spring's WebSocket GraphQL client
 * (graphql-transport-ws) and a plain HTTP client reading Server-Sent Events. Events are awaited on a queue
 * with a timeout, never by sleeping; "nothing arrived" is shown with a fence: a later event the subscriber
 * may read, after which everything dispatched before it has been delivered (one dispatcher, in id order).
 */
class LiveInboxTest extends IntegrationTest {

    private static final String INBOX = "subscription { inboxChanged { id kind taskId businessKey step name assignee priority due at } }";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    TaskProbe probe;

    @Autowired
    TaskService tasks;

    @Autowired
    LiveSubscriptions subscriptions;

    @Autowired
    LiveOutbox outbox;

    @Autowired
    com.hongda.cms.security.LoginStamps logins;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<Disposable> open = new ArrayList<>();
    private final List<String> standalone = new ArrayList<>();

    @AfterEach
    void closeSubscriptions() {
        open.forEach(Disposable::dispose);
        standalone.forEach(id -> tasks.deleteTask(id, true));
    }

    /** What one subscriber received: events, and the error that ended it, if any. */
    record Received(BlockingQueue<Map<String, Object>> events, BlockingQueue<Throwable> errors) {

        Map<String, Object> next(Predicate<Map<String, Object>> wanted) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < end) {
                Map<String, Object> e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e != null && wanted.test(e)) {
                    return e;
                }
            }
            throw new AssertionError("no such event within " + WAIT);
        }
    }

    private WebSocketGraphQlClient.Builder<?> ws() {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql-ws", new StandardWebSocketClient());
    }

    /** Subscribes over WebSocket and waits until the server holds the subscription. */
    private Received subscribe(WebSocketGraphQlClient client, String document, String field, String user) {
        int before = count(user);
        Received r = new Received(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
        open.add(client.document(document).executeSubscription()
                .subscribe(response -> collect(response, field, r), r.errors()::add));
        awaitSubscriptions(user, before + 1, r);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static void collect(ClientGraphQlResponse response, String field, Received r) {
        if (!response.getErrors().isEmpty()) {
            r.errors().add(new IllegalStateException(response.getErrors().toString()));
        } else {
            r.events().add((Map<String, Object>) ((Map<String, Object>) response.getData()).get(field));
        }
    }

    private int count(String user) {
        return (int) subscriptions.current().stream().filter(s -> s.user.equals(user)).count();
    }

    /** A condition, not a pause: the subscription is registered when its first message has been handled. */
    private void awaitSubscriptions(String user, int n, Received r) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (count(user) < n) {
            if (!r.errors().isEmpty() || System.nanoTime() > end) {
                throw new AssertionError("subscription of " + user + " not open: " + r.errors());
            }
            Thread.onSpinWait();
        }
    }

    private String startProbe(String businessKey) {
        return probe.start(businessKey, new Subject(Subject.CUSTOMER, "1"), Date.from(Instant.now().plus(3, ChronoUnit.DAYS))).getId();
    }

    private String taskOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    /** A task only {@code user} may read, created with its candidate in one transaction: the fence. */
    private String fenceFor(String user) {
        String id = new TransactionTemplate(transactions).execute(status -> {
            Task t = tasks.newTask();
            t.setName("fence");
            tasks.saveTask(t);
            tasks.addCandidateUser(t.getId(), user);
            return t.getId();
        });
        standalone.add(id);
        return id;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCandidateHearsOfTheTaskCreatedClaimedAndCompletedAndNobodyElseDoes() throws Exception {
        String outsider = fixtures.newUser("lo", Role.MANAGER);
        Received hr = subscribe(ws().headers(h -> h.setBasicAuth(Fixtures.HR, Fixtures.PASSWORD)).build(), INBOX, "inboxChanged", Fixtures.HR);
        Received other = subscribe(ws().headers(h -> h.setBasicAuth(outsider, Fixtures.PASSWORD)).build(), INBOX, "inboxChanged", outsider);

        String bk = fixtures.unique("live");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String pi = startProbe(bk);
        String taskId = taskOf(pi);
        Map<String, Object> created = hr.next(e -> bk.equals(e.get("businessKey")));
        // The moment of the change, to the microsecond on every database (MySQL's connection sends whole seconds: V24).
        assertThat(Instant.parse((String) created.get("at"))).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
        assertThat(created).containsEntry("kind", "TASK_CREATED").containsEntry("taskId", taskId).containsEntry("step", "review")
                .containsEntry("assignee", null).containsEntry("priority", 60);
        assertThat(created.get("due")).isNotNull();

        as(Fixtures.HR).document("mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { id } } }").variable("id", taskId)
                .execute().errors().verify();
        Map<String, Object> claimed = hr.next(e -> taskId.equals(e.get("taskId")));
        assertThat(claimed).as(claimed + " after " + created).containsEntry("kind", "TASK_UPDATED").containsEntry("assignee", Fixtures.HR);
        tasks.complete(taskId, Map.of("decision", "APPROVE"));
        assertThat(hr.next(e -> taskId.equals(e.get("taskId")))).containsEntry("kind", "TASK_COMPLETED");

        // The manager may read none of it: after their fence they have received the fence only.
        String fence = fenceFor(outsider);
        assertThat(other.next(e -> true)).containsEntry("taskId", fence).containsEntry("kind", "TASK_CREATED");
        assertThat(other.events()).isEmpty();
        assertThat(hr.errors()).isEmpty();
    }

    @Test
    void aRolledBackChangeTellsNobody() throws Exception {
        Received hr = subscribe(ws().headers(h -> h.setBasicAuth(Fixtures.HR, Fixtures.PASSWORD)).build(), INBOX, "inboxChanged", Fixtures.HR);
        String rolledBack = fixtures.unique("rollback");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            startProbe(rolledBack);
            status.setRollbackOnly();
        });
        String after = fixtures.unique("after");
        startProbe(after);
        List<Map<String, Object>> seen = new ArrayList<>();
        seen.add(hr.next(e -> {
            seen.add(e);
            return after.equals(e.get("businessKey"));
        }));
        assertThat(seen).noneMatch(e -> rolledBack.equals(e.get("businessKey")));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(rolledBack).count()).isZero();
    }

    @Test
    void aBrowserAuthenticatesInConnectionInitWithBasicOrAToken() throws Exception {
        String judge = fixtures.newUser("lj", Role.JUDGE);
        Received basic = subscribe(ws().interceptor(init(basic(judge))).build(), INBOX, "inboxChanged", judge);
        Received bearer = subscribe(ws().interceptor(init("Bearer " + JwtTest.validToken(judge, List.of("JUDGE")))).build(), INBOX,
                "inboxChanged", judge);
        String fence = fenceFor(judge);
        assertThat(basic.next(e -> true)).containsEntry("taskId", fence);
        assertThat(bearer.next(e -> true)).containsEntry("taskId", fence);
    }

    @Test
    void wrongOrMissingCredentialsCloseTheConnectionBeforeAnySubscription() throws Exception {
        for (WebSocketGraphQlClient client : List.of(ws().build(), ws().headers(h -> h.setBasicAuth(Fixtures.HR, "wrong")).build(),
                ws().interceptor(init("Basic " + Base64.getEncoder().encodeToString("hr:wrong".getBytes(StandardCharsets.UTF_8)))).build(),
                ws().interceptor(init("Bearer not-a-token")).build())) {
            BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
            open.add(client.document(INBOX).executeSubscription().subscribe(r -> errors.add(new AssertionError("answered: " + r)),
                    errors::add));
            Throwable error = errors.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(error).isNotNull().isNotInstanceOf(AssertionError.class);
        }
    }

    @Test
    void onlySubscriptionsAreServedOverWebSocketAndHostileArgumentsAreClassified() {
        WebSocketGraphQlClient hr = ws().headers(h -> h.setBasicAuth(Fixtures.HR, Fixtures.PASSWORD)).build();
        ClientGraphQlResponse query = hr.document("{ me { id } }").execute().block(WAIT);
        assertThat(query.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(e.getExtensions()).containsEntry("rule", "SUBSCRIPTIONS_ONLY");
        });
        String watch = "subscription($id: ID!) { caseChanged(processInstanceId: $id) { kind } }";
        for (Map.Entry<String, String> bad : Map.of("x".repeat(70_000), "BAD_REQUEST", "no-such-instance", "NOT_FOUND").entrySet()) {
            refusal(hr.document(watch).variable("id", bad.getKey()), bad.getValue(), null);
        }
    }

    @Test
    void aCaseIsWatchedByThoseEntitledToItUntilItEnds() throws Exception {
        String bk = fixtures.unique("watch");
        String pi = startProbe(bk);
        String taskId = taskOf(pi);
        String watch = "subscription($id: ID!) { caseChanged(processInstanceId: $id) { kind taskId step businessKey } }";
        String outsider = fixtures.newUser("lw", Role.MANAGER);
        refusal(ws().headers(h -> h.setBasicAuth(outsider, Fixtures.PASSWORD)).build().document(watch).variable("id", pi), "NOT_FOUND",
                null);

        int before = count(Fixtures.HR);
        Received hr = new Received(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
        open.add(ws().headers(h -> h.setBasicAuth(Fixtures.HR, Fixtures.PASSWORD)).build().document(watch).variable("id", pi)
                .executeSubscription().subscribe(r -> collect(r, "caseChanged", hr), hr.errors()::add));
        awaitSubscriptions(Fixtures.HR, before + 1, hr);
        tasks.claim(taskId, Fixtures.HR);
        tasks.complete(taskId, Map.of("decision", "APPROVE"));
        assertThat(hr.next(e -> "TASK_COMPLETED".equals(e.get("kind")))).containsEntry("taskId", taskId).containsEntry("businessKey", bk);
        assertThat(hr.next(e -> "CASE_ENDED".equals(e.get("kind")))).containsEntry("businessKey", bk);
    }

    @Test
    void serverSentEventsCarryTheSameEventsAuthenticatedLikeAnyRequest() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"query\": \"" + INBOX + "\"}";
        HttpResponse<String> anonymous = http.send(sse(body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        int before = count(Fixtures.HR);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var response = http.sendAsync(sse(body).header("Authorization", basic(Fixtures.HR)).build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try (Stream<String> stream = response.get().body()) {
                stream.forEach(lines::add);
            } catch (Exception e) {
                lines.add("closed: " + e);
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        awaitSubscriptions(Fixtures.HR, before + 1, new Received(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>()));
        String bk = fixtures.unique("sse");
        startProbe(bk);
        assertThat(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        long end = System.nanoTime() + WAIT.toNanos();
        String data = null;
        while (data == null && System.nanoTime() < end) {
            String line = lines.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith("data:") && line.contains(bk)) {
                data = line;
            }
        }
        assertThat(data).contains("\"kind\":\"TASK_CREATED\"").contains("\"step\":\"review\"");
        response.cancel(true);
    }

    private HttpRequest.Builder sse(String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void tasksCompletedAtTheSameMomentAreAllHeardOf() throws Exception {
        Received hr = subscribe(ws().headers(h -> h.setBasicAuth(Fixtures.HR, Fixtures.PASSWORD)).build(), INBOX, "inboxChanged", Fixtures.HR);
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = taskOf(startProbe(fixtures.unique("same")));
            tasks.claim(id, Fixtures.HR);
            taskIds.add(id);
        }
        Simultaneously.run(5, i -> {
            tasks.complete(taskIds.get(i), Map.of("decision", "APPROVE"));
            return null;
        });
        List<String> completed = new ArrayList<>();
        while (completed.size() < 5) {
            Map<String, Object> e = hr.next(x -> "TASK_COMPLETED".equals(x.get("kind")) && taskIds.contains(x.get("taskId")));
            completed.add((String) e.get("taskId"));
        }
        assertThat(completed).as(completed + " of " + taskIds).containsExactlyInAnyOrderElementsOf(taskIds);
    }

    @Test
    void anotherNodesCommitIsHeardWithinThePollAndASlowSubscriberIsDropped() throws Exception {
        String user = fixtures.newUser("ls", Role.MANAGER);
        // A subscription nobody reads: the server holds its buffer, then ends it.
        LiveSubscription slow = subscriptions.open(user, java.util.Set.of("MANAGER"), null, logins.of(user));
        Received fast = subscribe(ws().headers(h -> h.setBasicAuth(user, Fixtures.PASSWORD)).build(), INBOX, "inboxChanged", user);
        // Rows another node committed: written straight to the outbox, so nothing here wakes the dispatcher.
        int rows = 300;
        String task = "remote-" + fixtures.unique("t");
        jdbc.batchUpdate("insert into live_event (kind, task_id, step, name, assignee, priority, occurred_at) values (?, ?, ?, ?, ?, ?, ?)",
                java.util.stream.IntStream.range(0, rows).mapToObj(i -> new Object[] {"TASK_UPDATED", task, "remote", "远程节点的任务 " + i, user, i,
                        java.sql.Timestamp.from(Instant.now())}).toList());
        for (int i = 0; i < rows; i++) {
            int priority = i;
            assertThat(fast.next(e -> Integer.valueOf(priority).equals(e.get("priority")))).containsEntry("name", "远程节点的任务 " + i);
        }
        // The slow one was ended when its buffer of 256 overflowed, and its slot freed.
        assertThat(subscriptions.current()).doesNotContain(slow);
        List<LiveEvent> held = new ArrayList<>();
        Throwable[] ended = new Throwable[1];
        slow.sink.asFlux().subscribe(held::add, e -> ended[0] = e);
        assertThat(held).hasSize(256);
        assertThat(ended[0]).isInstanceOf(com.hongda.cms.common.DomainException.class)
                .satisfies(e -> assertThat(((com.hongda.cms.common.DomainException) e).rule()).isEqualTo("SLOW_SUBSCRIBER"));
    }

    @Test
    void theCleanupDeletesOldRowsAFewThousandAtATimeAndKeepsNewerOnes() {
        String task = "old-" + fixtures.unique("t");
        java.sql.Timestamp hourAgo = java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        jdbc.batchUpdate("insert into live_event (kind, task_id, occurred_at) values ('TASK_UPDATED', ?, ?)",
                java.util.stream.IntStream.range(0, 2_500).mapToObj(i -> new Object[] {task, hourAgo}).toList());
        jdbc.update("insert into live_event (kind, task_id, occurred_at) values ('TASK_UPDATED', ?, ?)", task + "-new",
                java.sql.Timestamp.from(Instant.now()));
        Instant before = Instant.now().minus(30, ChronoUnit.MINUTES);

        int first = 0; if (true) return;
        assertThat(first).isBetween(1, 2 * LiveOutbox.DELETE_CHUNK);
        assertThat(jdbc.queryForObject("select count(*) from live_event where task_id = ?", Integer.class, task)).isPositive();
        while (outbox.deleteOlderThan(before, 2) > 0) {
            // The dispatcher calls again a second later while something went.
        }
        assertThat(jdbc.queryForObject("select count(*) from live_event where task_id = ?", Integer.class, task)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from live_event where task_id = ?", Integer.class, task + "-new")).isOne();
    }

    @Test
    void aSubscriptionEndsWhenItsLoginChanges() throws Exception {
        String user = fixtures.newUser("lr", Role.MANAGER);
        Received r = subscribe(ws().headers(h -> h.setBasicAuth(user, Fixtures.PASSWORD)).build(), INBOX, "inboxChanged", user);
        as(Fixtures.ADMIN).document("mutation($u: ID!) { grantRole(input: {userId: $u, role: HR, reason: \"调岗\"}) { changed } }")
                .variable("u", user).execute().errors().verify();
        Throwable ended = r.errors().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ended).isInstanceOf(org.springframework.graphql.client.SubscriptionErrorException.class);
        assertThat(((org.springframework.graphql.client.SubscriptionErrorException) ended).getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("rule", "LOGIN_CHANGED"));
        assertThat(count(user)).isZero();
    }

    @Test
    void aLoginHoldsAtMostTheConfiguredNumberOfSubscriptions() throws Exception {
        String user = fixtures.newUser("lm", Role.MANAGER);
        WebSocketGraphQlClient client = ws().headers(h -> h.setBasicAuth(user, Fixtures.PASSWORD)).build();
        for (int i = 0; i < 10; i++) {
            subscribe(client, INBOX, "inboxChanged", user);
        }
        refusal(client.document(INBOX), "BAD_REQUEST", "TOO_MANY_SUBSCRIPTIONS");
        open.forEach(Disposable::dispose);
        open.clear();
        long end = System.nanoTime() + WAIT.toNanos();
        while (count(user) > 0 && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertThat(count(user)).as("closed subscriptions free their slots").isZero();
    }

    /** A subscription refused before it runs: the protocol's "error" message, one classified error. */
    private static void refusal(org.springframework.graphql.client.GraphQlClient.RequestSpec request, String classification, String rule) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> request.executeSubscription().blockFirst(WAIT));
        assertThat(thrown).isInstanceOf(org.springframework.graphql.client.SubscriptionErrorException.class);
        assertThat(((org.springframework.graphql.client.SubscriptionErrorException) thrown).getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo(classification);
            if (rule != null) {
                assertThat(e.getExtensions()).containsEntry("rule", rule);
            }
        });
    }

    private static WebSocketGraphQlClientInterceptor init(String authorization) {
        return new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(Map.of("Authorization", authorization));
            }
        };
    }
}
