package com.hongda.cms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hongda.cms.assessment.BenchRounds;
import com.hongda.cms.branch.Branches;
import com.hongda.cms.complaint.Category;
import com.hongda.cms.complaint.Channel;
import com.hongda.cms.complaint.NewComplaint;
import com.hongda.cms.complaint.Severity;
import com.hongda.cms.customer.AssignmentService;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.CustomerInput;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.customer.CustomerType;
import com.hongda.cms.customer.Industry;
import com.hongda.cms.manager.CreateManagerInput;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.common.Region;
import com.hongda.cms.recruitment.BenchApplications;
import com.hongda.cms.recruitment.RecruitmentService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark (README "Performance"). Starts the service in-process on a random port with the
 * job executor on, creates its own users, and measures: the write path (the recruitment story
 * through GraphQL, the Camunda REST API and in-process calls, interleaved), the read path (an
 * approver's inbox page over many open tasks: latency and SQL statements per request), growth
 * (write-path throughput with little and with much finished history), and an assessment round of
 * thousands of managers (the open request, the background batch jobs, publication with its ranking:
 * time and SQL statements). Prints a markdown table and
 * writes target/bench/results.json. {@code -Dbench.mode=quick} runs small numbers in about a minute.
 * Not a test: {@code ./mvnw verify} neither compiles nor runs it.
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    /** The sizes of one run. */
    record Plan(String mode, int warmup, int rounds, int[] concurrency, int[] perBatch, int openTasks, int readRequests,
                int historySmall, int historyLarge, int growthRounds, int growthPerBatch, int roundManagers, int complaints) {
        static Plan of(String mode) {
            return switch (mode) {
                case "quick" -> new Plan(mode, 0, 1, new int[] {1, 4}, new int[] {1, 4}, 100, 50, 50, 200, 1, 4, 200, 100);
                case "full" -> new Plan(mode, 12, 3, new int[] {1, 4, 8}, new int[] {3, 8, 16}, 100_000, 500, 1_000, 20_000, 2, 8, 2_000,
                        COMPLAINTS_FULL);
                // For a profiler (README "Performance"): one long write batch at concurrency 8 and the full read path.
                case "profile" -> new Plan(mode, 12, 1, new int[] {8}, new int[] {48}, 100_000, 500, 0, 0, 0, 0, 2_000, COMPLAINTS_FULL);
                default -> throw new IllegalArgumentException("bench.mode is quick, full or profile, not " + mode);
            };
        }

        /** -Dbench.openTasks and -Dbench.complaints change the read path's scale in any mode. */
        Plan scaled() {
            return new Plan(mode, warmup, rounds, concurrency, perBatch, Integer.parseInt(property("bench.openTasks", "" + openTasks)),
                    readRequests, historySmall, historyLarge, growthRounds, growthPerBatch, roundManagers,
                    Integer.parseInt(property("bench.complaints", "" + complaints)));
        }
    }

    private final Plan plan;
    private final ConfigurableApplicationContext ctx;
    private final Http http;
    private final List<Route> routes;
    private final Map<String, Object> results = new LinkedHashMap<>();
    /** Start-up time, memory after start and under load (README "Performance", {@link Footprint}). */
    private final Map<String, Object> footprint = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final StringBuilder table = new StringBuilder();
    private final HistoryCloner cloner;

    private Bench(Plan plan, ConfigurableApplicationContext ctx) {
        this.plan = plan;
        this.ctx = ctx;
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        this.http = new Http(port);
        this.cloner = new HistoryCloner(ctx.getBean(DataSource.class));
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
        List<Route> all = List.of(
                new GraphQlRoute(http, port),
                new RestRoute(http, new BenchApplications(ctx), tx),
                new JavaRoute(ctx.getBean(RecruitmentService.class), ctx.getBean(TaskService.class),
                        ctx.getBean(RuntimeService.class), ctx.getBean(IdentityService.class)));
        // -Dbench.routes=GraphQL (comma-separated route names) narrows the run, e.g. for a profiler.
        List<String> only = List.of(property("bench.routes", "GraphQL,REST,in-process").split(","));
        this.routes = all.stream().filter(r -> only.contains(r.name())).toList();
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.of(property("bench.mode", "full")).scaled();
        long t0 = System.nanoTime();
        Path out = Path.of("target", "bench");
        boolean mysql = mysql();
        if (!mysql) {
            deleteTree(out.resolve("h2"));
        }
        Files.createDirectories(out);
        SpringApplication app = new SpringApplication(BenchApp.class);
        app.setAdditionalProfiles(mysql ? new String[] {"bench", "mysql"} : new String[] {"bench"});
        app.setDefaultProperties(Map.of("server.port", "0"));
        BufferingApplicationStartup steps = new BufferingApplicationStartup(Footprint.STARTUP_STEPS);
        app.setApplicationStartup(steps);
        AtomicReference<ApplicationReadyEvent> ready = new AtomicReference<>();
        AtomicLong uptimeAtReady = new AtomicLong();
        app.addListeners((ApplicationListener<ApplicationReadyEvent>) e -> {
            uptimeAtReady.set(ManagementFactory.getRuntimeMXBean().getUptime());
            ready.set(e);
        });
        ConfigurableApplicationContext ctx = app.run(args);
        int code;
        try {
            Bench bench = new Bench(plan, ctx);
            bench.results.put("startupSeconds", seconds(System.nanoTime() - t0));
            bench.footprint.put("startup", Footprint.startup(ready.get(), uptimeAtReady.get(), steps));
            bench.footprint.put("afterStart", Footprint.afterGc());
            code = bench.run(out, t0);
        } finally {
            ctx.close();
        }
        System.exit(code);
    }

    private int run(Path out, long t0) throws Exception {
        results.put("mode", plan.mode());
        results.put("startedAt", Instant.now().toString());
        results.put("machine", machine());
        results.put("database", database());
        results.put("versions", versions());
        results.put("jobExecutor", "on: the async steps run on the engine's job executor, as in production; "
                + "each route polls (1 ms doubling to 20 ms) until the next task or the hire appears");
        ensureUsers();
        results.put("restSecured", restSecured());
        table.append("## Benchmark (").append(plan.mode()).append(")\n\n");
        // -Dbench.parts=write,read (any of write, nodes, growth, read, queue, assessment) runs only those parts, e.g. for a profiler.
        List<String> parts = List.of(property("bench.parts",
                plan.mode().equals("profile") ? "write,read" : "write,nodes,growth,read,queue,assessment").split(","));
        part(parts, "write", out, () -> {
            Footprint.Sampler rss = new Footprint.Sampler();
            try {
                writePath();
            } finally {
                rss.close();
            }
            footprint.put("writePath", rss.figures());
            footprint.put("afterWritePath", Footprint.afterGc());
        });
        part(parts, "nodes", out, () -> twoNodes(out));
        part(parts, "growth", out, this::growth);
        // The write path's subscribers are closed before the read parts: a node with none reads no outbox.
        graphQl().ifPresent(GraphQlRoute::close);
        part(parts, "read", out, this::readPath);
        // After the inbox: the complaints' tasks, due sooner than HR's reviews, would otherwise come first in its order.
        part(parts, "queue", out, this::complaintQueue);
        // Last: its N open assessments (four tasks each, two of them HR's) must not join the read path's inbox.
        part(parts, "assessment", out, this::assessmentRound);
        footprint.put("vmHwmEndMb", Footprint.status("VmHWM") / 1024);
        footprintTable();
        results.put("totalSeconds", seconds(System.nanoTime() - t0));
        write(out);
        System.out.println();
        System.out.println(table);
        System.out.printf(Locale.ROOT, "%s run finished in %.0f s; target/bench/results.json written; %d error(s)%n",
                plan.mode(), seconds(System.nanoTime() - t0), errors.size());
        errors.forEach(e -> System.out.println("ERROR " + e));
        return errors.isEmpty() ? 0 : 1;
    }

    interface Part {
        void run() throws Exception;
    }

    /**
     * Runs one part if asked for. A failure is recorded and the next part runs; the results so far
     * are written after every part, so that a long run that fails or is stopped keeps what it measured.
     */
    private void part(List<String> parts, String name, Path out, Part part) throws IOException {
        if (!parts.contains(name)) {
            return;
        }
        try {
            part.run();
        } catch (Exception e) {
            errors.add(name + " stopped: " + e.getMessage());
            log.error("Part {} failed", name, e);
        }
        write(out);
    }

    private void write(Path out) throws IOException {
        results.put("footprint", footprint);
        results.put("errors", errors);
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), results);
        Files.writeString(out.resolve("results.md"), table);
    }

    // ---------------------------------------------------------------- footprint

    @SuppressWarnings("unchecked")
    private void footprintTable() {
        Map<String, Object> startup = (Map<String, Object>) footprint.get("startup");
        Map<String, Object> start = (Map<String, Object>) footprint.get("afterStart");
        Map<String, Object> write = (Map<String, Object>) footprint.getOrDefault("writePath", Map.of());
        table.append("### Footprint of the service's JVM (harness included; start-up on an empty database)\n\n")
                .append("| figure | value |\n|---|---:|\n")
                .append(String.format(Locale.ROOT, "| start-up: JVM start to ready (ApplicationReadyEvent) | %.1f s |%n",
                        startup.get("jvmStartToReadySeconds")))
                .append(String.format(Locale.ROOT, "| start-up: SpringApplication.run to ready | %.1f s |%n",
                        startup.get("springRunToReadySeconds")))
                .append(String.format(Locale.ROOT, "| heap used after start, after a full GC | %d MB |%n", start.get("heapUsedMb")))
                .append(String.format(Locale.ROOT, "| non-heap used after start (metaspace %d MB) | %d MB |%n",
                        start.get("metaspaceUsedMb"), start.get("nonHeapUsedMb")))
                .append(String.format(Locale.ROOT, "| resident memory (VmRSS) after start | %d MB |%n", start.get("rssMb")))
                .append(String.format(Locale.ROOT, "| VmRSS under the write path: median / peak (every 200 ms) | %s / %s MB |%n",
                        write.getOrDefault("rssMedianMb", "–"), write.getOrDefault("rssMaxMb", "–")))
                .append(String.format(Locale.ROOT, "| committed heap under the write path, peak | %s MB |%n",
                        write.getOrDefault("heapCommittedMaxMb", "–")))
                .append(String.format(Locale.ROOT, "| VmHWM (peak resident memory) at the end of the run | %d MB |%n%n", footprint.get("vmHwmEndMb")));
    }

    // ---------------------------------------------------------------- write path

    private void writePath() {
        // The warm-up lets the JIT compile each route's code before anything is timed; the GraphQL
        // route has the most of it, and with a short warm-up its first timed batch measured the compiler.
        log.info("Write path: warm-up, {} lifecycle(s) per route at concurrency 4", plan.warmup());
        for (Route r : routes) {
            batch(r, 4, plan.warmup());
        }
        http.drainRequestStats();
        graphQl().ifPresent(GraphQlRoute::clearDelays);
        Map<String, double[]> cells = measure(plan.rounds(), plan.concurrency(), plan.perBatch());
        Map<String, Map<String, Object>> requests = http.drainRequestStats();
        Map<String, Object> write = new LinkedHashMap<>();
        table.append("### Write path: recruitment lifecycles per second (submit → hired)\n\n")
                .append("| concurrency | GraphQL | REST | in-process | GraphQL / in-process | GraphQL / REST |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        for (int c : plan.concurrency()) {
            Map<String, Object> row = new LinkedHashMap<>();
            double g = rate(cells, "GraphQL", c);
            double r = rate(cells, "REST", c);
            double j = rate(cells, "in-process", c);
            for (Route route : routes) {
                double[] cell = cells.get(route.name() + "@" + c);
                row.put(route.name(), Map.of("lifecycles", (long) cell[0], "seconds", round(cell[1]),
                        "lifecyclesPerSecond", round(rate(cells, route.name(), c))));
            }
            row.put("graphqlOverInProcess", round(g / j));
            row.put("graphqlOverRest", round(g / r));
            write.put("concurrency" + c, row);
            table.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n", c, g, r, j, g / j, g / r));
        }
        table.append('\n');
        write.put("requests", requests);
        results.put("writePath", write);
        table.append("Each kind of request over the write path's batches (all concurrencies): mean latency at the client ")
                .append("and inside the service, and SQL statements on the request's own thread (login included; the job ")
                .append("executor's not counted):\n\n")
                .append("| request | count | client ms | service ms | SQL statements each |\n|---|---:|---:|---:|---:|\n");
        requests.forEach((op, m) -> table.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", op, m.get("requests"),
                m.getOrDefault("meanMs", "–"), m.getOrDefault("serverMeanMs", "–"), m.getOrDefault("statementsPerRequest", "–"))));
        table.append('\n');
        roundTrips(cells, requests, write);
    }

    /**
     * HTTP requests per lifecycle of each route over the measured batches (client-side counts: the GraphQL route's
     * WebSocket messages are not HTTP requests), and how long after its commit the GraphQL route's subscribers
     * heard of each event.
     */
    private void roundTrips(Map<String, double[]> cells, Map<String, Map<String, Object>> requests, Map<String, Object> write) {
        table.append("| route | HTTP requests per lifecycle |\n|---|---:|\n");
        Map<String, Object> perLifecycle = new LinkedHashMap<>();
        for (Route route : routes) {
            long lifecycles = 0;
            for (int c : plan.concurrency()) {
                lifecycles += (long) cells.get(route.name() + "@" + c)[0];
            }
            String prefix = route.name().equals("GraphQL") ? "GraphQL " : route.name().equals("REST") ? "REST " : null;
            long sent = 0;
            for (Map.Entry<String, Map<String, Object>> e : requests.entrySet()) {
                if (prefix != null && e.getKey().startsWith(prefix) && e.getValue().containsKey("meanMs")) {
                    sent += ((Number) e.getValue().get("requests")).longValue();
                }
            }
            double each = lifecycles == 0 ? 0 : round((double) sent / lifecycles);
            perLifecycle.put(route.name(), each);
            table.append(String.format(Locale.ROOT, "| %s | %.1f |%n", route.name(), each));
        }
        write.put("httpRequestsPerLifecycle", perLifecycle);
        table.append('\n');
        graphQl().ifPresent(g -> {
            Map<String, Object> d = delays(g.eventDelaysMicros());
            if (d != null) {
                write.put("subscriptionDelayMs", d);
                table.append(String.format(Locale.ROOT, "Live inbox (same node): %d events heard by the GraphQL route's subscribers "
                        + "over the measured batches, from the commit (the event's at, stamped just before it) "
                        + "to the client: p50 %s ms, p99 %s ms, max %s ms.%n%n", d.get("events"), d.get("p50"), d.get("p99"), d.get("max")));
            }
        });
    }

    private java.util.Optional<GraphQlRoute> graphQl() {
        return routes.stream().filter(GraphQlRoute.class::isInstance).map(GraphQlRoute.class::cast).findFirst();
    }

    /** p50, p99 and max in ms of delays in microseconds; null if there are none. */
    private static Map<String, Object> delays(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        java.util.Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", sorted.size());
        m.put("p50", round(sorted.get(sorted.size() / 2) / 1000.0));
        m.put("p99", round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1000.0));
        m.put("max", round(sorted.get(sorted.size() - 1) / 1000.0));
        return m;
    }

    /**
     * Two nodes (MySQL/MariaDB only): a second node of the service ({@link SecondNode}) with the same users' live
     * inboxes open while the GraphQL route runs a batch on the first node; how soon after each commit the subscribers
     * on each node heard of it. Apart from the write path, so that the second JVM does not share the two cores
     * during the measured batches.
     */
    private void twoNodes(Path out) throws Exception {
        GraphQlRoute g = graphQl().orElse(null);
        if (g == null || !mysql()) {
            log.info("Two nodes: skipped (needs the GraphQL route and MySQL/MariaDB)");
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        long t = System.nanoTime();
        try (SecondNode node = SecondNode.start(out)) {
            m.put("secondNodeStartSeconds", round(seconds(System.nanoTime() - t)));
            List<LiveClient> listeners = g.listenOn(node.port());
            try {
                // A warm-up batch first: the listeners' subscriptions are registered, and the second node's dispatcher and
                // delivery code compiled by the JIT, before anything is timed (a node in service has run for hours).
                int n = 2 * plan.perBatch()[plan.perBatch().length - 1];
                batch(g, 4, n / 2);
                listeners.forEach(LiveClient::clearDelays);
                g.clearDelays();
                batch(g, 4, n);
                m.put("lifecycles", n);
                m.put("sameNodeMs", delays(g.eventDelaysMicros()));
                m.put("otherNodeMs", delays(listeners.stream().flatMap(l -> l.delaysMicros().stream()).toList()));
            } finally {
                listeners.forEach(LiveClient::close);
            }
        }
        results.put("twoNodes", m);
        table.append("### Live inbox on two nodes\n\n")
                .append("The GraphQL route's batch at concurrency 4 on node A, the same users subscribed on node A and on a second ")
                .append("node B (same database, job executor off): from the commit to the client, in ms.\n\n")
                .append("| subscribers on | events | p50 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        for (String k : List.of("sameNodeMs", "otherNodeMs")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) m.get(k);
            if (d != null) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", k.equals("sameNodeMs") ? "node A (same node)"
                        : "node B (other node)", d.get("events"), d.get("p50"), d.get("p99"), d.get("max")));
            }
        }
        table.append('\n');
    }

    private static boolean mysql() {
        return System.getenv("DB_URL") != null && !System.getenv("DB_URL").isBlank();
    }

    /** Rounds of every (concurrency, route) batch, the route order rotating each time so noise hits all alike. */
    private Map<String, double[]> measure(int rounds, int[] concurrency, int[] perBatch) {
        Map<String, double[]> cells = new LinkedHashMap<>();
        int turn = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < concurrency.length; i++) {
                for (int k = 0; k < routes.size(); k++) {
                    Route r = routes.get((k + turn) % routes.size());
                    double s = batch(r, concurrency[i], perBatch[i]);
                    double[] cell = cells.computeIfAbsent(r.name() + "@" + concurrency[i], x -> new double[2]);
                    cell[0] += perBatch[i];
                    cell[1] += s;
                    log.info("round {} {} c={} n={}: {} s", round + 1, r.name(), concurrency[i], perBatch[i], round(s));
                }
                turn++;
            }
        }
        return cells;
    }

    private static double rate(Map<String, double[]> cells, String route, int c) {
        double[] cell = cells.get(route + "@" + c);
        return cell == null ? Double.NaN : cell[0] / cell[1];
    }

    /** Runs {@code n} lifecycles on {@code c} threads; returns the wall-clock seconds. */
    private double batch(Route route, int c, int n) {
        return parallel(c, n, i -> route.lifecycle(), route.name());
    }

    interface Job {
        void run(int i) throws Exception;
    }

    private double parallel(int threads, int n, Job job, String what) {
        // Named after the work, so that statements sent outside counted requests are told apart by it (BenchApp.background).
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                r -> new Thread(r, "bench-" + what.replace(' ', '-') + "-" + numbers.incrementAndGet()));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> first = new AtomicReference<>();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n && first.get() == null) {
                    try {
                        job.run(i);
                    } catch (Throwable e) {
                        first.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                first.compareAndSet(null, e);
            }
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        if (first.get() != null) {
            errors.add(what + ": " + first.get());
            log.error("{} failed", what, first.get());
            throw new IllegalStateException(what + " failed", first.get());
        }
        return seconds(elapsed);
    }

    // ---------------------------------------------------------------- growth

    private void growth() throws Exception {
        Map<String, Object> growth = new LinkedHashMap<>();
        int c = 4;
        Map<String, Double> small = null;
        table.append("### Growth: write-path lifecycles per second at concurrency ").append(c)
                .append(" with finished recruitment instances in history\n\n")
                .append("| finished instances | GraphQL | REST | in-process |\n|---:|---:|---:|---:|\n");
        for (int level : new int[] {plan.historySmall(), plan.historyLarge()}) {
            Map<String, Object> fill = fillFinished(level);
            long filled = (Long) fill.get("finishedInstances");
            Map<String, double[]> cells = measure(plan.growthRounds(), new int[] {c}, new int[] {plan.growthPerBatch()});
            Map<String, Double> rates = new LinkedHashMap<>();
            routes.forEach(r -> rates.put(r.name(), round(rate(cells, r.name(), c))));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.putAll(fill);
            entry.put("lifecyclesPerSecond", rates);
            growth.put("history" + level, entry);
            table.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f |%n", filled,
                    rates.get("GraphQL"), rates.get("REST"), rates.get("in-process")));
            if (small == null) {
                small = rates;
            } else {
                Map<String, Double> ratio = new LinkedHashMap<>();
                for (Route r : routes) {
                    ratio.put(r.name(), round(rates.get(r.name()) / small.get(r.name())));
                }
                growth.put("ratioLargeOverSmall", ratio);
                table.append(String.format(Locale.ROOT, "| ratio | %.2f | %.2f | %.2f |%n",
                        ratio.get("GraphQL"), ratio.get("REST"), ratio.get("in-process")));
            }
        }
        table.append('\n');
        results.put("growth", growth);
    }

    private long finished() {
        return ctx.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                .processDefinitionKey(RecruitmentService.PROCESS_KEY).finished().count();
    }

    /**
     * Brings history to {@code target} finished recruitment instances: besides the write path's real
     * hired candidates, copies ({@link HistoryCloner}) of the history rows of 50 real applications
     * that failed the basic qualification. Running the story 20,000 times would not fit the run's
     * time budget, and a hired candidate's ~170 history rows copied 20,000 times would not either.
     */
    private Map<String, Object> fillFinished(int target) throws Exception {
        if (ineligibleTemplates().size() < TEMPLATES) {
            submitIneligible(TEMPLATES - ineligibleTemplates().size());
        }
        long have = finished();
        List<String> templates = ineligibleTemplates();
        int missing = (int) Math.max(0, target - have);
        long t = System.nanoTime();
        long rows = cloner.copy(templates, missing);
        long now = finished();
        double s = seconds(System.nanoTime() - t);
        log.info("History: {} finished recruitment instances ({} copied from {} real ineligible ones, {} rows, in {} s)",
                now, missing, templates.size(), rows, round(s));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finishedInstances", now);
        m.put("realIneligibleTemplates", templates.size());
        m.put("copiedInstances", missing);
        m.put("copiedRows", rows);
        m.put("copySeconds", round(s));
        return m;
    }

    /**
     * Threads that open tasks and register complaints. Four were slower than two on this 2-core
     * machine shared with other builds (108 against 86 ms per complaint on MariaDB).
     */
    static final int SEED_THREADS = 2;

    /** Opens {@code n} HR review tasks, 100 applications per transaction, on {@link #SEED_THREADS} threads. */
    private void openTasks(int n) {
        BenchApplications apps = new BenchApplications(ctx);
        RuntimeService runtime = ctx.getBean(RuntimeService.class);
        IdentityService identity = ctx.getBean(IdentityService.class);
        com.hongda.cms.workflow.EngineRetry retry = ctx.getBean(com.hongda.cms.workflow.EngineRetry.class);
        int batches = (n + 99) / 100;
        parallel(SEED_THREADS, batches, b -> {
            identity.setAuthentication(Story.HR, List.of("HR"));
            try {
                retry.inTransaction(() -> {
                    for (int i = b * 100; i < Math.min(n, (b + 1) * 100); i++) {
                        apps.openAtHrReview(runtime, Story.HR);
                    }
                    return null;
                });
            } finally {
                identity.clearAuthentication();
            }
        }, "open tasks");
    }

    /** Real instances whose history is copied: applications that failed the basic qualification. */
    private static final int TEMPLATES = 50;

    private List<String> ineligibleTemplates() {
        return ctx.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                .processDefinitionKey(RecruitmentService.PROCESS_KEY).finished().list().stream()
                .filter(h -> "endIneligible".equals(h.getEndActivityId()) && !h.getId().contains("~"))
                .map(h -> h.getId()).toList();
    }

    /** Submits {@code n} ineligible applications in-process and waits until the job executor has ended them. */
    private void submitIneligible(int n) {
        RecruitmentService recruitment = ctx.getBean(RecruitmentService.class);
        long before = finished();
        parallel(2, n, i -> {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    Story.HR, null, List.of(new SimpleGrantedAuthority("ROLE_HR"))));
            try {
                recruitment.submit(BenchApplications.input(false));
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, "ineligible applications");
        Story.await("ineligible applications", () -> finished() >= before + n ? Boolean.TRUE : null);
    }

    // ---------------------------------------------------------------- read path

    static final String INBOX = """
            query($n: Int!) { claimableTasks(first: $n, sort: {field: DUE_DATE}) {
              nodes { id name processName due priority
                subject { __typename ... on Application { id name state } }
                form { key label type required min max options { value label } value } } } }""";

    private void readPath() {
        TaskService tasks = ctx.getBean(TaskService.class);
        long t = System.nanoTime();
        int target = plan.openTasks();
        long open = tasks.createTaskQuery().taskCandidateGroup("HR").count();
        int missing = (int) Math.max(0, target - open);
        long before = BenchApp.background().getOrDefault("bench-open-tasks", new long[2])[0];
        openTasks(missing);
        long seedStatements = BenchApp.background().getOrDefault("bench-open-tasks", new long[2])[0] - before;
        open = Story.await("open tasks", () -> {
            long n = tasks.createTaskQuery().taskCandidateGroup("HR").count();
            return n >= target ? n : null;
        });
        long all = tasks.createTaskQuery().count();
        double fillSeconds = round(seconds(System.nanoTime() - t));
        log.info("Read path: {} open HR tasks ({} open tasks in all) after {} s", open, all, fillSeconds);
        String hr = Http.basic(Story.HR, Story.PASSWORD);
        long[] nanos = latencies(plan.readRequests(), () -> page(hr, 50, null));
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("openTasksForApprover", open);
        read.put("openTasksInDatabase", all);
        read.put("openTasksMadeBy", "applications saved and their reviews started at hrReview (engine start-before), "
                + "100 per transaction, on two threads");
        read.put("fillSeconds", fillSeconds);
        read.put("openedNow", missing);
        read.put("statementsPerOpenedTask", missing == 0 ? 0 : round((double) seedStatements / missing));
        read.put("pageSize", 50);
        percentiles(read, nanos);
        long s10 = statements(hr, 10);
        long s50 = statements(hr, 50);
        read.put("statementsPageSize10", s10);
        read.put("statementsPageSize50", s50);
        read.put("statementsIndependentOfPageSize", s10 == s50);
        if (s10 != s50) {
            errors.add("read path: " + s10 + " statements for 10 tasks, " + s50 + " for 50");
        }
        results.put("readPath", read);
        table.append(String.format(Locale.ROOT, "### Read path: one inbox page of 50 tasks with subjects and forms (%,d open tasks)%n%n",
                        open))
                .append("| requests | p50 ms | p95 ms | p99 ms | SQL statements, page of 10 | SQL statements, page of 50 |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %d | %d |%n%n", nanos.length,
                        ms(pct(nanos, 50)), ms(pct(nanos, 95)), ms(pct(nanos, 99)), s10, s50));
    }

    private void page(String auth, int n, String countId) {
        page(auth, INBOX, "claimableTasks", n, n, countId);
    }

    /** One page of {@code field} (a connection with {@code nodes}); fails unless it holds {@code expected} nodes. */
    private void page(String auth, String document, String field, int n, long expected, String countId) {
        JsonNode data = http.graphql(auth, document, Map.of("n", n),
                countId == null ? Map.of() : Map.of(BenchApp.COUNT_HEADER, countId));
        int got = data.path(field).path("nodes").size();
        if (got != expected) {
            throw new IllegalStateException(field + " page of " + n + " returned " + got + ", not " + expected);
        }
    }

    /** SQL statements of one inbox request on the request thread, login included (steady state: the last of 3). */
    private long statements(String auth, int n) {
        return statements(id -> page(auth, n, id));
    }

    /** SQL statements of a request that carries the given count id, login included (steady state: the last of 3). */
    private static long statements(java.util.function.Consumer<String> request) {
        long last = -1;
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            request.accept(id);
            last = BenchApp.COUNTS.remove(id);
        }
        return last;
    }

    /** Client latencies of {@code n} requests, one at a time, after 20 not recorded; sorted. */
    private static long[] latencies(int n, Runnable request) {
        return latencies(20, n, request);
    }

    private static long[] latencies(int warmup, int n, Runnable request) {
        for (int i = 0; i < warmup; i++) {
            request.run();
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            request.run();
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    // ---------------------------------------------------------------- complaint queue

    /**
     * Complaints in a full run's queue. Each is registered as the desk registers it (the row, routing, the handling
     * process with its tasks and SLA timers), about 30 a second on this machine: 20,000 take ten minutes, 100,000
     * would add most of an hour to the run. The page's statements do not depend on the count (checked).
     */
    static final int COMPLAINTS_FULL = 20_000;
    /** Managers of the queue's branch, all supervised by {@link Story#SUPERVISOR}; the first is {@link #MANAGER}'s. */
    static final int QUEUE_MANAGERS = 20;
    /** Customers of the queue's branch (full mode), by tier in turn, assigned round robin to managers whose grade may own them. */
    static final int QUEUE_CUSTOMERS = 200;
    static final String DESK = "bench-desk";
    static final String MANAGER = "bench-manager";

    static final String QUEUE = """
            query($n: Int!) { complaints(filter: {states: [HANDLING, CALLBACK]}, sort: URGENCY, first: $n) {
              nodes { id state severity category tier registeredAt queueGroup handlerUserId complainantName complainantContact
                customer { name } manager { name } responsibleManager { name } branch { name }
                sla { runningDue minutesLeft breached level } steps { key } } } }""";
    static final String QUEUE_COUNT = "{ complaints(filter: {states: [HANDLING, CALLBACK]}) { totalCount } }";

    /**
     * The complaint queue (query {@code complaints}, states HANDLING and CALLBACK, sort URGENCY: the
     * earliest first-response due date first) over many open complaints, as the service desk (sees
     * every complaint), the supervisor of the branch's managers (those of and about them: all here)
     * and one manager (those of their customers and about them): latency of a page of 50 and SQL
     * statements for pages of 10 and 50, which must be equal. The complaints are registered as the
     * desk registers them (Complaints.register: the row, routing, the handling process with its
     * tasks and SLA timers), 100 per transaction on two threads, about the customers of a branch of
     * 20 managers made through the services; setup timed apart, in no figure.
     */
    private void complaintQueue() {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        long t0 = System.nanoTime();
        List<long[]> customers = queueCustomers();
        double setupSeconds = round(seconds(System.nanoTime() - t0));
        long t = System.nanoTime();
        long have = jdbc.queryForObject("select count(*) from complaint where state <> 'CLOSED'", Long.class);
        int missing = (int) Math.max(0, plan.complaints() - have);
        long before = BenchApp.background().getOrDefault("bench-complaints", new long[2])[0];
        registerComplaints(missing, customers);
        long seedStatements = BenchApp.background().getOrDefault("bench-complaints", new long[2])[0] - before;
        long open = jdbc.queryForObject("select count(*) from complaint where state <> 'CLOSED'", Long.class);
        double fillSeconds = round(seconds(System.nanoTime() - t));
        long tasks = ctx.getBean(TaskService.class).createTaskQuery().count();
        log.info("Complaint queue: {} open complaints ({} open tasks in all) after {} s", open, tasks, fillSeconds);

        Map<String, Object> q = new LinkedHashMap<>();
        q.put("openComplaints", open);
        q.put("openTasksInDatabase", tasks);
        q.put("complaintsMadeBy", "Complaints.register as the service desk (row, routing table, handling process with its tasks "
                + "and SLA timers), 100 per transaction, on two threads, about " + customers.size() + " customers of "
                + QUEUE_MANAGERS + " managers");
        q.put("setupSeconds", setupSeconds);
        q.put("fillSeconds", fillSeconds);
        q.put("registeredNow", missing);
        q.put("statementsPerRegisteredComplaint", missing == 0 ? 0 : round((double) seedStatements / missing));
        q.put("pageSize", 50);
        table.append(String.format(Locale.ROOT, "### Complaint queue: one page of 50 by urgency (%,d open complaints)%n%n", open))
                .append("| reader | complaints visible | requests | p50 ms | p95 ms | p99 ms | SQL statements, page of 10 | SQL statements, page of 50 |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, String> readers = new LinkedHashMap<>();
        readers.put("service desk", DESK);
        readers.put("supervisor", Story.SUPERVISOR);
        readers.put("manager", MANAGER);
        readers.forEach((name, user) -> {
            String auth = Http.basic(user, Story.PASSWORD);
            long visible = http.graphql(auth, QUEUE_COUNT, Map.of()).path("complaints").path("totalCount").asLong();
            long[] nanos = latencies(plan.readRequests(), () -> page(auth, QUEUE, "complaints", 50, Math.min(50, visible), null));
            long s10 = statements(id -> page(auth, QUEUE, "complaints", 10, Math.min(10, visible), id));
            long s50 = statements(id -> page(auth, QUEUE, "complaints", 50, Math.min(50, visible), id));
            if (s10 != s50) {
                errors.add("complaint queue (" + name + "): " + s10 + " statements for 10 complaints, " + s50 + " for 50");
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("user", user);
            r.put("visible", visible);
            percentiles(r, nanos);
            r.put("statementsPageSize10", s10);
            r.put("statementsPageSize50", s50);
            q.put(name, r);
            table.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %.1f | %.1f | %d | %d |%n", name, visible, nanos.length,
                    ms(pct(nanos, 50)), ms(pct(nanos, 95)), ms(pct(nanos, 99)), s10, s50));
        });
        table.append('\n');

        // HR's inbox again: the complaints' tasks are due sooner than HR's reviews, so the page's walk
        // along the due-date index passes every one of them (none is HR's) before it finds HR's first.
        long hrTasks = ctx.getBean(TaskService.class).createTaskQuery().taskCandidateGroup("HR").count();
        String hr = Http.basic(Story.HR, Story.PASSWORD);
        long[] inbox = latencies(5, Math.max(20, plan.readRequests() / 10),
                () -> page(hr, INBOX, "claimableTasks", 50, Math.min(50, hrTasks), null));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("openTasksInDatabase", tasks);
        after.put("openTasksForHr", hrTasks);
        percentiles(after, inbox);
        q.put("inboxAfterComplaints", after);
        table.append(String.format(Locale.ROOT, "HR's inbox page of 50 (by due date) once these complaints' tasks, due sooner and none of "
                        + "them HR's, are in the task table too (%,d open tasks): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms over %d requests.%n%n",
                tasks, ms(pct(inbox, 50)), ms(pct(inbox, 95)), ms(pct(inbox, 99)), inbox.length));
        results.put("complaintQueue", q);
    }

    /**
     * The queue's branch, its managers (JUNIOR, INTERMEDIATE and SENIOR, supervised by the benchmark's
     * supervisor; the first linked to {@link #MANAGER}) and their customers, made once through the
     * services as an administrator would; each customer as {id, tier ordinal}.
     */
    private List<long[]> queueCustomers() {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        List<Long> existing = jdbc.queryForList("select id from branch where code = 'BENCH-Q'", Long.class);
        if (!existing.isEmpty()) {
            return jdbc.query("select c.id, c.tier from customer c join customer_manager m on m.id = c.manager_id where m.branch_id = ?",
                    (rs, i) -> new long[] {rs.getLong(1), com.hongda.cms.customer.Tier.valueOf(rs.getString(2)).ordinal()}, existing.get(0));
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bench", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            long branch = ctx.getBean(Branches.class).create(new Branches.NewBranch("BENCH-Q", "投诉基准分公司", Region.URBAN, null, null,
                    null, "BENCH"), "bench").getId();
            ManagerService managers = ctx.getBean(ManagerService.class);
            List<CustomerManager> made = new ArrayList<>();
            for (int i = 0; i < QUEUE_MANAGERS; i++) {
                // Seniors own every tier, intermediates B1 and below, juniors B2 and C (docs/rules.md#grades).
                Grade grade = i % 4 == 0 ? Grade.SENIOR : i % 4 == 3 ? Grade.JUNIOR : Grade.INTERMEDIATE;
                made.add(managers.register(new CreateManagerInput(String.format("BQ-%02d", i), "投诉基准经理" + i, i == 0 ? MANAGER : null,
                        Long.toString(branch), Region.URBAN, i == 0 ? Grade.SENIOR : grade, Story.SUPERVISOR, null, "BENCH"), "bench"));
            }
            CustomerService customerService = ctx.getBean(CustomerService.class);
            AssignmentService assignments = ctx.getBean(AssignmentService.class);
            String[] revenue = {"600000", "250000", "60000", "20000", "1000"};
            List<long[]> customers = new ArrayList<>();
            // Quick mode's hundred complaints need no more than fifty customers.
            int count = Math.max(10, Math.min(QUEUE_CUSTOMERS, plan.complaints() / 2));
            for (int i = 0; i < count; i++) {
                Customer c = customerService.create(new CustomerInput.CreateCustomerInput("投诉基准客户" + i, CustomerType.ENTERPRISE,
                        Industry.OTHER, Region.URBAN, 10, new java.math.BigDecimal(revenue[i % 5]),
                        List.of(new CustomerInput.ContactInput("联系人", "经理", "13912345678", "boss@example.com"))));
                int tier = c.getTier().ordinal();
                List<CustomerManager> able = made.stream().filter(m -> switch (m.getGrade()) {
                    case SENIOR -> true;
                    case INTERMEDIATE -> tier >= 2;
                    default -> tier >= 3;
                }).toList();
                assignments.assign(c.getId(), able.get(i % able.size()).getId(), "BENCH", "bench");
                customers.add(new long[] {c.getId(), tier});
            }
            return customers;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Registers {@code n} complaints as the service desk, 100 per transaction on two threads: about
     * the customers in turn, one in ten also about a manager (the supervisor's queue), one in twenty
     * CRITICAL (four calendar hours), categories and channels in turn.
     */
    private void registerComplaints(int n, List<long[]> customers) {
        com.hongda.cms.complaint.Complaints complaints = ctx.getBean(com.hongda.cms.complaint.Complaints.class);
        IdentityService identity = ctx.getBean(IdentityService.class);
        com.hongda.cms.workflow.EngineRetry retry = ctx.getBean(com.hongda.cms.workflow.EngineRetry.class);
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        List<Long> managers = jdbc.queryForList("select id from customer_manager where employee_no like 'BQ-%' order by employee_no",
                Long.class);
        Category[] categories = Category.values();
        Channel[] channels = Channel.values();
        Severity[] severities = {Severity.LOW, Severity.MEDIUM, Severity.HIGH};
        int batches = (n + 99) / 100;
        parallel(SEED_THREADS, batches, b -> {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(DESK, null,
                    List.of(new SimpleGrantedAuthority("ROLE_SERVICE_DESK"))));
            identity.setAuthentication(DESK, List.of("SERVICE_DESK"));
            try {
                // Retried like the service's own writes: two seeding threads inserting timers may deadlock on MySQL.
                retry.inTransaction(() -> {
                    for (int i = b * 100; i < Math.min(n, (b + 1) * 100); i++) {
                        long customer = customers.get(i % customers.size())[0];
                        Long about = i % 10 == 0 ? managers.get(i / 10 % managers.size()) : null;
                        complaints.register(new NewComplaint(customer, about, channels[i % channels.length],
                                categories[i % categories.length], i % 20 == 0 ? Severity.CRITICAL : severities[i % severities.length],
                                "基准投诉 " + i + ": 网络经常中断", "投诉人" + i, "1390000" + String.format("%04d", i % 10_000)), DESK);
                    }
                    return null;
                });
            } finally {
                identity.clearAuthentication();
                SecurityContextHolder.clearContext();
            }
        }, "complaints");
    }

    // ---------------------------------------------------------------- assessment round

    static final String OPEN_ROUND = """
            mutation($k: RoundKind!, $s: Date!, $e: Date!, $b: ID) {
              openAssessmentRound(input: {kind: $k, periodStart: $s, periodEnd: $e, branchId: $b}) { round { id state } } }""";
    static final String PUBLISH = """
            mutation($id: ID!) { completeTask(input: {taskId: $id, values: [{key: "publishDecision", value: "PUBLISH"}]}) {
              processEnded } }""";

    /**
     * A monthly round for N managers of a branch of their own: HR opens it over HTTP (one request,
     * timed, its statements counted); the job executor lists the managers and starts their
     * assessments in batches (timed until every result has its case and the round waits at HR's
     * review; the job executor's statements counted by thread); every result is then confirmed with
     * a score by one JDBC update (working 4 × N tasks is not the point), and HR completes the review
     * over HTTP, which ranks and publishes the round in the same request (timed, counted); finally
     * the ranking pass alone, in-process. Setup (branch, managers) is timed apart and in no figure.
     */
    private void assessmentRound() {
        // A warm-up round of 20 first, the same steps, not recorded: the first round's request
        // otherwise measures class loading and the JIT (2 s for an open that takes a tenth of it warm).
        log.info("Assessment round: warm-up round of {} managers", ROUND_WARMUP);
        roundOf(ROUND_WARMUP);
        http.drainRequestStats();
        Map<String, Object> a = roundOf(plan.roundManagers());
        a.put("warmup", "one round of " + ROUND_WARMUP + " managers, the same steps, before; not recorded");
        a.put("requests", http.drainRequestStats());
        results.put("assessmentRound", a);
        table.append(String.format(Locale.ROOT, "### Assessment round: a monthly round of %,d managers in one branch%n%n", a.get("managers")))
                .append("| step | ms | SQL statements | of which rows in JDBC batches |\n|---|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| HR opens the round (`openAssessmentRound`, one HTTP request, login included) | %.1f | %d | – |%n",
                        a.get("openMs"), a.get("openStatements")))
                .append(String.format(Locale.ROOT, "| in the background: preparation + %d batch jobs of %d, until %,d assessments run and the round waits at HR's review | %.0f | %d (job executor) | %d |%n",
                        a.get("batchJobs"), a.get("batchSize"), a.get("assessmentsStarted"), a.get("backgroundMs"),
                        a.get("backgroundJobStatements"), a.get("backgroundJobBatchedParameterSets")))
                .append(String.format(Locale.ROOT, "| HR publishes (`completeTask` of the review: check, ranking, round published; login included) | %.1f | %d | %d |%n",
                        a.get("publishMs"), a.get("publishStatements"), a.get("publishBatchedParameterSets")))
                .append(String.format(Locale.ROOT, "| the ranking pass alone (`RoundPublication.rank`, in-process, best of 3) | %.1f | %d | %d |%n%n",
                        a.get("rankMs"), a.get("rankStatements"), a.get("rankBatchedParameterSets")))
                .append(String.format(Locale.ROOT, "In the background, per assessment started: %.1f ms, %.2f statements, %.1f rows in JDBC batches "
                                + "(the engine's inserts: instance, tasks, timers, variables, history).%n%n",
                        a.get("backgroundMsPerAssessment"), a.get("backgroundStatementsPerAssessment"),
                        a.get("backgroundBatchedParameterSetsPerAssessment")))
                .append(String.format(Locale.ROOT, "Setup, in no figure: %,d managers by JDBC in %.2f s; every result confirmed by one JDBC update in %.2f s; "
                        + "a warm-up round of %d before. A JDBC batch counts as one statement.%n%n",
                        a.get("managers"), a.get("setupSeconds"), a.get("confirmSeconds"), ROUND_WARMUP));
    }

    private static final int ROUND_WARMUP = 20;

    /** One round of {@code n} managers in a branch of their own, opened, prepared, confirmed and published; its figures. */
    private Map<String, Object> roundOf(int n) {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
        BenchRounds rounds = new BenchRounds(ctx);

        long t = System.nanoTime();
        String code = "BA-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT) + "-" + n;
        long branch = ctx.getBean(Branches.class).create(new Branches.NewBranch(code, "考核基准 " + code, Region.URBAN,
                null, null, null, "BENCH"), "bench").getId();
        String[] grades = {"JUNIOR", "INTERMEDIATE", "SENIOR"};
        Timestamp now = Timestamp.from(Instant.now());
        Date since = Date.valueOf(LocalDate.now().minusYears(2));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {code + "-" + i, "考核经理" + i, "URBAN", grades[i % 3], 1 + i % 3, "ACTIVE", branch, since, now, now});
        }
        tx.executeWithoutResult(s -> jdbc.batchUpdate("insert into customer_manager (employee_no, name, region, grade, grade_rank,"
                + " status, branch_id, grade_since, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows));
        double setupSeconds = round(seconds(System.nanoTime() - t));
        log.info("Assessment round: {} managers in branch {} in {} s", n, code, setupSeconds);

        // Open: one request.
        LocalDate start = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        LocalDate end = start.plusMonths(1).minusDays(1);
        String hr = Http.basic(Story.HR, Story.PASSWORD);
        Map<String, long[]> before = BenchApp.background();
        String openId = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        JsonNode opened = http.graphql(hr, OPEN_ROUND, Map.of("k", "MONTHLY", "s", start.toString(), "e", end.toString(),
                "b", Long.toString(branch)), Map.of(BenchApp.COUNT_HEADER, openId));
        long openNanos = System.nanoTime() - t0;
        long openStatements = BenchApp.COUNTS.remove(openId);
        long roundId = opened.path("openAssessmentRound").path("round").path("id").asLong();
        String roundPi = jdbc.queryForObject("select process_instance_id from assessment_round where id = ?", String.class, roundId);

        // Background: the preparation job and one job per batch, until the round waits at HR's review.
        TaskService tasks = ctx.getBean(TaskService.class);
        ManagementService management = ctx.getBean(ManagementService.class);
        long started = Story.await("the assessments of round " + roundId, 900, () -> {
            if (management.createJobQuery().processInstanceId(roundPi).withException().count() > 0) {
                throw new IllegalStateException("a job of round " + roundId + " failed: " + management.createJobQuery()
                        .processInstanceId(roundPi).withException().list().get(0).getExceptionMessage());
            }
            if (tasks.createTaskQuery().processInstanceId(roundPi).taskDefinitionKey("reviewRound").count() == 0) {
                return null;
            }
            return jdbc.queryForObject("select count(*) from assessment_result where round_id = ? and process_instance_id is not null",
                    Long.class, roundId);
        });
        long readyNanos = System.nanoTime() - t0;
        Map<String, long[]> after = BenchApp.background();
        Map<String, Map<String, Long>> background = new TreeMap<>();
        long jobStatements = 0;
        long jobBatched = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long statements = e.getValue()[0] - b[0];
            long batched = e.getValue()[1] - b[1];
            if (statements > 0) {
                background.put(e.getKey(), Map.of("statements", statements, "batchedParameterSets", batched));
            }
            if (e.getKey().startsWith(JOB_WORKER)) {
                jobStatements += statements;
                jobBatched += batched;
            }
        }
        Map<String, Object> counts = jdbc.queryForMap("select count(*) as results, sum(case when state = 'EXCLUDED' then 0 else 1 end)"
                + " as assessed from assessment_result where round_id = ?", roundId);
        long resultRows = ((Number) counts.get("results")).longValue();
        long assessed = ((Number) counts.get("assessed")).longValue();
        if (resultRows != n || assessed != n || started != n) {
            errors.add("assessment round: " + n + " managers, " + resultRows + " results, " + assessed + " to assess, " + started + " started");
        }
        int batches = (int) ((assessed + rounds.batchSize() - 1) / rounds.batchSize());
        log.info("Assessment round {}: opened in {} ms ({} statements), {} assessments started in {} s", roundId,
                ms(openNanos), openStatements, started, round(seconds(readyNanos - openNanos)));

        // Every result confirmed with a varied score, in one statement.
        t = System.nanoTime();
        Timestamp confirmedAt = Timestamp.from(Instant.now());
        int confirmed = jdbc.update("update assessment_result set state = 'CONFIRMED', total_score = 60 + mod(id * 37, 4001) / 100.0,"
                + " confirmed_by = ?, confirmed_at = ?, updated_at = ? where round_id = ? and state <> 'EXCLUDED'",
                Story.SUPERVISOR, confirmedAt, confirmedAt, roundId);
        double confirmSeconds = round(seconds(System.nanoTime() - t));

        // HR publishes: the review's completion ranks and publishes in the same request.
        String review = tasks.createTaskQuery().processInstanceId(roundPi).taskDefinitionKey("reviewRound").singleResult().getId();
        http.graphql(hr, GraphQlRoute.CLAIM, Map.of("id", review));
        String publishId = UUID.randomUUID().toString();
        long tp = System.nanoTime();
        JsonNode done = http.graphql(hr, PUBLISH, Map.of("id", review), Map.of(BenchApp.COUNT_HEADER, publishId));
        long publishNanos = System.nanoTime() - tp;
        long publishStatements = BenchApp.COUNTS.remove(publishId);
        Long publishBatched = BenchApp.BATCHED.remove(publishId);
        String state = jdbc.queryForObject("select state from assessment_round where id = ?", String.class, roundId);
        long ranked = jdbc.queryForObject("select count(*) from assessment_result where round_id = ? and rank_in_group is not null",
                Long.class, roundId);
        if (!done.path("completeTask").path("processEnded").asBoolean() || !"PUBLISHED".equals(state) || ranked != confirmed) {
            errors.add("assessment round: publication left the round " + state + " with " + ranked + " of " + confirmed + " ranked");
        }

        // The ranking pass alone (as publication runs it, in a transaction), best of three.
        long rankNanos = Long.MAX_VALUE;
        long[] rankCounts = null;
        for (int i = 0; i < 3; i++) {
            long tr = System.nanoTime();
            rankCounts = BenchApp.countedHere(() -> tx.executeWithoutResult(s -> rounds.rank(roundId)));
            rankNanos = Math.min(rankNanos, System.nanoTime() - tr);
        }
        if (rankCounts[0] > 2) {
            errors.add("assessment round: ranking " + confirmed + " results took " + rankCounts[0] + " statements, not 2 (a read, a batch)");
        }

        Map<String, Object> a = new LinkedHashMap<>();
        a.put("managers", n);
        a.put("kind", "MONTHLY");
        a.put("batchSize", rounds.batchSize());
        a.put("batchJobs", batches);
        a.put("setupSeconds", setupSeconds);
        a.put("setup", "a branch of its own (Branches.create) and its managers by one JDBC batch (JUNIOR, INTERMEDIATE, SENIOR in turn, "
                + "ACTIVE, no login); not in any figure");
        a.put("openMs", ms(openNanos));
        a.put("openStatements", openStatements);
        a.put("backgroundMs", ms(readyNanos - openNanos));
        a.put("backgroundFrom", "the open request's response until every result has its assessment and the round waits at HR's review");
        a.put("openToReadyMs", ms(readyNanos));
        a.put("assessmentsStarted", started);
        a.put("backgroundJobStatements", jobStatements);
        a.put("backgroundJobBatchedParameterSets", jobBatched);
        a.put("backgroundStatementsByThread", background);
        a.put("backgroundMsPerAssessment", round(ms(readyNanos - openNanos) / Math.max(1, started)));
        a.put("backgroundStatementsPerAssessment", round((double) jobStatements / Math.max(1, started)));
        a.put("backgroundBatchedParameterSetsPerAssessment", round((double) jobBatched / Math.max(1, started)));
        a.put("backgroundNote", "statements outside counted requests, by thread name without its number, between the open request and "
                + "the round's readiness; " + JOB_WORKER + "* are the job executor's workers (the preparation and batch jobs); "
                + "the harness's polling runs on main; a JDBC batch counts as one statement");
        a.put("confirmSeconds", confirmSeconds);
        a.put("confirmedResults", confirmed);
        a.put("publishMs", ms(publishNanos));
        a.put("publishStatements", publishStatements);
        a.put("publishBatchedParameterSets", publishBatched == null ? 0 : publishBatched);
        a.put("publish", "GraphQL completeTask of HR's reviewRound with publishDecision PUBLISH: the review's check, leavers excluded, "
                + "the ranking (RoundPublication.rank) and the round published, in the request; login included");
        a.put("rankMs", ms(rankNanos));
        a.put("rankStatements", rankCounts[0]);
        a.put("rankBatchedParameterSets", rankCounts[1]);
        return a;
    }

    /** The job executor's worker threads, by name without their number. */
    static final String JOB_WORKER = "camundaTaskExecutor";

    // ---------------------------------------------------------------- setup and facts

    private void ensureUsers() {
        // The branch every application goes to, made as HR would make it.
        List<Long> branch = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForList("select id from branch where code = 'BENCH'", Long.class);
        BenchApplications.useBranch(branch.isEmpty()
                ? ctx.getBean(com.hongda.cms.branch.Branches.class).create(new com.hongda.cms.branch.Branches.NewBranch("BENCH",
                        "基准分公司", com.hongda.cms.common.Region.URBAN, null, null, null, "BENCH"), "bench").getId()
                : branch.get(0));
        IdentityService identity = ctx.getBean(IdentityService.class);
        Map<String, String> users = new LinkedHashMap<>();
        users.put(Story.HR, "HR");
        users.put(Story.SUPERVISOR, "SUPERVISOR");
        users.put(DESK, "SERVICE_DESK");
        users.put(MANAGER, "MANAGER");
        Story.JUDGES.forEach(j -> users.put(j, "JUDGE"));
        users.forEach((id, group) -> {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User u = identity.newUser(id);
                u.setPassword(Story.PASSWORD);
                u.setFirstName(id);
                identity.saveUser(u);
            }
            if (identity.createGroupQuery().groupMember(id).groupId(group).count() == 0) {
                identity.createMembership(id, group);
            }
        });
        List<String> panel = identity.createUserQuery().memberOfGroup("JUDGE").orderByUserId().asc().listPage(0, 3)
                .stream().map(User::getId).toList();
        if (!panel.equals(Story.JUDGES)) {
            throw new IllegalStateException("The interview panel would be " + panel + ", not the benchmark's judges: use an empty database");
        }
    }

    private Map<String, Object> restSecured() {
        int anonymous = http.send("GET", "/engine-rest/engine", null, null, Map.of()).status();
        int authenticated = http.send("GET", "/engine-rest/engine", Http.basic(Story.HR, Story.PASSWORD), null, Map.of()).status();
        if (anonymous != 401 || authenticated != 200) {
            errors.add("REST API security: anonymous " + anonymous + ", authenticated " + authenticated);
        }
        return Map.of("anonymousStatus", anonymous, "authenticatedStatus", authenticated);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try {
            m.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?"));
        } catch (IOException e) {
            m.put("cpu", "?");
        }
        return m;
    }

    private Map<String, Object> database() throws Exception {
        try (var c = ctx.getBean(DataSource.class).getConnection()) {
            var md = c.getMetaData();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("product", md.getDatabaseProductName());
            m.put("version", md.getDatabaseProductVersion());
            m.put("driver", md.getDriverName() + " " + md.getDriverVersion());
            m.put("url", md.getURL().replaceAll("password=[^&;]*", "password=***"));
            return m;
        }
    }

    private static Map<String, Object> versions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("springBoot", SpringBootVersion.getVersion());
        m.put("camunda", pomVersion("org.camunda.bpm", "camunda-engine"));
        m.put("springGraphql", implementationVersion(org.springframework.graphql.execution.GraphQlSource.class));
        m.put("graphqlJava", bundleVersion(graphql.GraphQL.class));
        m.put("hibernate", org.hibernate.Version.getVersionString());
        m.put("datasourceProxy", pomVersion("net.ttddyy", "datasource-proxy"));
        return m;
    }

    private static String implementationVersion(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "?" : v;
    }

    /** The OSGi Bundle-Version of the jar holding {@code type} (graphql-java names its version only there). */
    private static String bundleVersion(Class<?> type) {
        try (var jar = new java.util.jar.JarFile(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            String v = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            return v == null ? "?" : v;
        } catch (Exception e) {
            return "?";
        }
    }

    private static String pomVersion(String group, String artifact) {
        try (InputStream in = Bench.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                return "?";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** A system property; blank (as Maven passes an unset one) counts as absent. */
    private static String property(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The number of requests and their p50, p95 and p99 in ms, from sorted latencies. */
    private static void percentiles(Map<String, Object> m, long[] sorted) {
        m.put("requests", sorted.length);
        m.put("p50Ms", ms(pct(sorted, 50)));
        m.put("p95Ms", ms(pct(sorted, 95)));
        m.put("p99Ms", ms(pct(sorted, 99)));
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
