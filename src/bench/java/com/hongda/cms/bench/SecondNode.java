package com.hongda.cms.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second node of the service on the benchmark's MySQL/MariaDB database: the packaged jar (built by the
 * {@code package} phase before the benchmark runs) started as its own JVM, as an orchestrator would add a node.
 * Its job executor is off, so the jobs stay on the first node and the write path's work is the same as with
 * one node; the second node only serves subscribers, who hear of the first node's commits through the
 * shared outbox (README "Live inbox"). Its output goes to {@code target/bench/node-b.log}.
 */
final class SecondNode implements AutoCloseable {

    private final Process process;
    private final int port;

    private SecondNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar with the mysql profile on a free port and waits (up to 180 s) until it is ready. */
    static SecondNode start(Path out) throws IOException, InterruptedException {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("customer-manager-service-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("plain")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/ (the bench runs after package)"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Duser.timezone=UTC", "-jar", jar.toString(),
                "--server.port=" + port, "--spring.profiles.active=mysql", "--camunda.bpm.job-execution.enabled=false"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(out.resolve("node-b.log").toFile()).start();
        SecondNode node = new SecondNode(p, port);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the second node exited with " + p.exitValue() + "; see target/bench/node-b.log");
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return node;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        node.close();
        throw new IllegalStateException("the second node was not ready within 180 s; see target/bench/node-b.log");
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
