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

/** A plain HTTP/1.1 JSON client with HTTP Basic, as a front end or an integration would call the service. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
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
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (auth != null) {
                b.header("Authorization", auth);
            }
            headers.forEach(b::header);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
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
        Response r = send("POST", "/graphql", auth, Map.of("query", document, "variables", variables), headers);
        JsonNode json = r.json();
        if (r.status() != 200 || json.hasNonNull("errors")) {
            throw new IllegalStateException("GraphQL " + r.status() + ": " + r.text());
        }
        return json.get("data");
    }

    /** A REST call; fails unless the status is 2xx. */
    JsonNode rest(String method, String path, String auth, Object body) {
        Response r = send(method, "/engine-rest" + path, auth, body, Map.of());
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("REST " + method + " " + path + " " + r.status() + ": " + r.text());
        }
        return r.body().length == 0 ? null : r.json();
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
