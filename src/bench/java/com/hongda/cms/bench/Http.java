package com.hongda.cms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP/1.1 JSON client with HTTP Basic, as a front end or an integration would call the service. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIRST_FIELD = Pattern.compile("\\{\\s*(\\w+)");

    /** Client-side latency of every request, by operation ("GraphQL completeTask", "REST POST /task/{id}/complete"). */
    private final Map<String, LongAdder[]> latencies = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response send(String method, String path, String auth, Object body, Map<String, String> headers) {
        return send(null, method, path, auth, body, headers);
    }

    private Response send(String operation, String method, String path, String auth, Object body, Map<String, String> headers) {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (auth != null) {
                b.header("Authorization", auth);
            }
            headers.forEach(b::header);
            if (operation != null) {
                b.header(BenchApp.OPERATION_HEADER, operation);
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (operation != null) {
                LongAdder[] cell = latencies.computeIfAbsent(operation, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
                cell[0].increment();
                cell[1].add(System.nanoTime() - start);
            }
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GraphQL request; fails on any error in the answer. */
    JsonNode graphql(String auth, String document, Map<String, Object> variables) {
        return graphql(auth, document, variables, Map.of());
    }

    JsonNode graphql(String auth, String document, Map<String, Object> variables, Map<String, String> headers) {
        Matcher field = FIRST_FIELD.matcher(document);
        String operation = "GraphQL " + (field.find() ? field.group(1) : "?");
        Response r = send(operation, "POST", "/graphql", auth, Map.of("query", document, "variables", variables), headers);
        JsonNode json = r.json();
        if (r.status() != 200 || json.hasNonNull("errors")) {
            throw new IllegalStateException("GraphQL " + r.status() + ": " + r.text());
        }
        return json.get("data");
    }

    /** A REST call; fails unless the status is 2xx. */
    JsonNode rest(String method, String path, String auth, Object body) {
        String operation = "REST " + method + " " + path.replaceAll("\\?.*", "").replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27}", "/{id}");
        Response r = send(operation, method, "/engine-rest" + path, auth, body, Map.of());
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("REST " + method + " " + path + " " + r.status() + ": " + r.text());
        }
        return r.body().length == 0 ? null : r.json();
    }

    /**
     * By kind of request (or in-process call) since the last call: how many, their mean client-side
     * milliseconds (HTTP only), their mean milliseconds inside the service (from the outermost
     * filter, or around the in-process call), and the SQL statements each sent on its own thread,
     * login included.
     * Starts counting afresh.
     */
    Map<String, Map<String, Object>> drainRequestStats() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        latencies.forEach((op, cell) -> {
            long n = cell[0].sum();
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("requests", n);
            m.put("meanMs", n == 0 ? 0 : Math.round(cell[1].sum() / 1e4 / n) / 100.0);
            out.put(op, m);
        });
        BenchApp.STATEMENTS.forEach((op, cell) -> {
            long n = cell[0].sum();
            Map<String, Object> m = out.computeIfAbsent(op, k -> new java.util.LinkedHashMap<>(Map.of("requests", n)));
            m.put("statementsPerRequest", n == 0 ? 0 : Math.round(cell[1].sum() * 100.0 / n) / 100.0);
            m.put("serverMeanMs", n == 0 ? 0 : Math.round(cell[2].sum() / 1e4 / n) / 100.0);
        });
        latencies.clear();
        BenchApp.STATEMENTS.clear();
        return out;
    }

    record Response(int status, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
