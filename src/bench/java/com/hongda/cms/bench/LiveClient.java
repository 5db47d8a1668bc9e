package com.hongda.cms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

/**
 * One user's live inbox, as a front end keeps it for a whole session: one WebSocket, one {@code inboxChanged}
 * subscription, opened once. Lifecycles wait for "the task {@code step} of case {@code businessKey}" instead of
 * polling; an event that arrives before anyone waits for it is kept until taken. Also records, for every event,
 * how long after its commit it arrived (the event's {@code at}, on the same machine's clock).
 */
final class LiveClient implements AutoCloseable {

    private static final String INBOX = "subscription { inboxChanged { kind taskId businessKey step at } }";

    private final WebSocketGraphQlClient client;
    private final Disposable subscription;
    private final Map<String, CompletableFuture<String>> tasks = new ConcurrentHashMap<>();
    private final List<Long> delaysMicros = java.util.Collections.synchronizedList(new ArrayList<>());

    LiveClient(int port, String user, String password) {
        this.client = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql-ws", new StandardWebSocketClient())
                .headers(h -> h.setBasicAuth(user, password)).build();
        this.subscription = client.document(INBOX).executeSubscription().subscribe(response -> {
            Map<String, Object> e = response.field("inboxChanged").getValue();
            if (e == null) {
                return;
            }
            delaysMicros.add(Duration.between(Instant.parse((String) e.get("at")), Instant.now()).toNanos() / 1000);
            if ("TASK_CREATED".equals(e.get("kind")) && e.get("businessKey") != null) {
                future((String) e.get("businessKey"), (String) e.get("step")).complete((String) e.get("taskId"));
            }
        }, error -> tasks.values().forEach(f -> f.completeExceptionally(error)));
    }

    /** The id of the task {@code step} of the case, once it has been created; null if no event came within {@code wait}. */
    String awaitTask(String businessKey, String step, Duration wait) {
        try {
            String id = future(businessKey, step).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            tasks.remove(businessKey + "|" + step);
            return id;
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("no " + step + " of " + businessKey + ": " + e, e);
        }
    }

    /** A task id this user learnt otherwise (a completion's nextTask): forget the event it will also get. */
    void known(String businessKey, String step) {
        tasks.remove(businessKey + "|" + step);
    }

    /** Forgets what is kept of a finished case. */
    void forget(String businessKey) {
        tasks.keySet().removeIf(k -> k.startsWith(businessKey + "|"));
    }

    List<Long> delaysMicros() {
        synchronized (delaysMicros) {
            return List.copyOf(delaysMicros);
        }
    }

    /** Forgets the delays recorded so far (the warm-up's). */
    void clearDelays() {
        delaysMicros.clear();
    }

    WebSocketGraphQlClient client() {
        return client;
    }

    private CompletableFuture<String> future(String businessKey, String step) {
        return tasks.computeIfAbsent(businessKey + "|" + step, k -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        subscription.dispose();
        client.stop().block(Duration.ofSeconds(5));
    }
}
