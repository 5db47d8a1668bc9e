package com.hongda.cms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hongda.cms.recruitment.BenchApplications;
import com.hongda.cms.recruitment.RecruitmentService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark (README "Performance"). Starts the service in-process on a random port with the
 * job executor on, creates its own users, and measures: the write path (the recruitment story
 * through GraphQL, the Camunda REST API and in-process calls, interleaved), the read path (an
 * approver's inbox page over many open tasks: latency and SQL statements per request), and growth
 * (write-path throughput with little and with much finished history). Prints a markdown table and
 * writes target/bench/results.json. {@code -Dbench.mode=quick} runs small numbers in about a minute.
 * Not a test: {@code ./mvnw verify} neither compiles nor runs it.
 */
public final class Bench {

    private static final Logger log = LoggerFactory.getLogger(Bench.class);

    /** The sizes of one run. */
    record Plan(String mode, int warmup, int rounds, int[] concurrency, int[] perBatch, int openTasks, int readRequests,
                int historySmall, int historyLarge, int growthRounds, int growthPerBatch) {
        static Plan of(String mode) {
            return switch (mode) {
                case "quick" -> new Plan(mode, 0, 1, new int[] {1, 4}, new int[] {1, 4}, 100, 50, 50, 200, 1, 4);
                case "full" -> new Plan(mode, 12, 3, new int[] {1, 4, 8}, new int[] {3, 8, 16}, 10_000, 500, 1_000, 20_000, 2, 8);
                // For a profiler (README "Performance"): one long write batch at concurrency 8 and the full read path.
                case "profile" -> new Plan(mode, 12, 1, new int[] {8}, new int[] {48}, 10_000, 500, 0, 0, 0, 0);
                default -> throw new IllegalArgumentException("bench.mode is quick, full or profile, not " + mode);
            };
        }
    }

    private final Plan plan;
    private final ConfigurableApplicationContext ctx;
    private final Http http;
    private final List<Route> routes;
    private final Map<String, Object> results = new LinkedHashMap<>();
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
                new GraphQlRoute(http),
                new RestRoute(http, new BenchApplications(ctx), tx),
                new JavaRoute(ctx.getBean(RecruitmentService.class), ctx.getBean(TaskService.class),
                        ctx.getBean(RuntimeService.class), ctx.getBean(IdentityService.class)));
        // -Dbench.routes=GraphQL (comma-separated route names) narrows the run, e.g. for a profiler.
        List<String> only = List.of(property("bench.routes", "GraphQL,REST,in-process").split(","));
        this.routes = all.stream().filter(r -> only.contains(r.name())).toList();
    }

    public static void main(String[] args) throws Exception {
        Plan plan = Plan.of(property("bench.mode", "full"));
        long t0 = System.nanoTime();
        Path out = Path.of("target", "bench");
        boolean mysql = System.getenv("DB_URL") != null && !System.getenv("DB_URL").isBlank();
        if (!mysql) {
            deleteTree(out.resolve("h2"));
        }
        Files.createDirectories(out);
        SpringApplication app = new SpringApplication(BenchApp.class);
        app.setAdditionalProfiles(mysql ? new String[] {"bench", "mysql"} : new String[] {"bench"});
        app.setDefaultProperties(Map.of("server.port", "0"));
        ConfigurableApplicationContext ctx = app.run(args);
        int code;
        try {
            Bench bench = new Bench(plan, ctx);
            bench.results.put("startupSeconds", seconds(System.nanoTime() - t0));
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
        // -Dbench.parts=write,read (any of write, growth, read) runs only those parts, e.g. for a profiler.
        List<String> parts = List.of(property("bench.parts",
                plan.mode().equals("profile") ? "write,read" : "write,growth,read").split(","));
        if (parts.contains("write")) {
            writePath();
        }
        if (parts.contains("growth")) {
            growth();
        }
        if (parts.contains("read")) {
            readPath();
        }
        results.put("totalSeconds", seconds(System.nanoTime() - t0));
        results.put("errors", errors);
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), results);
        Files.writeString(out.resolve("results.md"), table);
        System.out.println();
        System.out.println(table);
        System.out.printf(Locale.ROOT, "%s run finished in %.0f s; target/bench/results.json written; %d error(s)%n",
                plan.mode(), seconds(System.nanoTime() - t0), errors.size());
        errors.forEach(e -> System.out.println("ERROR " + e));
        return errors.isEmpty() ? 0 : 1;
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
        ExecutorService pool = Executors.newFixedThreadPool(threads);
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

    /** Opens {@code n} HR review tasks, 100 applications per transaction, on two threads. */
    private void openTasks(int n) {
        BenchApplications apps = new BenchApplications(ctx);
        RuntimeService runtime = ctx.getBean(RuntimeService.class);
        IdentityService identity = ctx.getBean(IdentityService.class);
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
        int batches = (n + 99) / 100;
        parallel(2, batches, b -> {
            identity.setAuthentication(Story.HR, List.of("HR"));
            try {
                tx.executeWithoutResult(s -> {
                    for (int i = b * 100; i < Math.min(n, (b + 1) * 100); i++) {
                        apps.openAtHrReview(runtime, Story.HR);
                    }
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
        openTasks((int) Math.max(0, target - open));
        open = Story.await("open tasks", () -> {
            long n = tasks.createTaskQuery().taskCandidateGroup("HR").count();
            return n >= target ? n : null;
        });
        long all = tasks.createTaskQuery().count();
        double fillSeconds = round(seconds(System.nanoTime() - t));
        log.info("Read path: {} open HR tasks ({} open tasks in all) after {} s", open, all, fillSeconds);
        String hr = Http.basic(Story.HR, Story.PASSWORD);
        for (int i = 0; i < 20; i++) {
            page(hr, 50, null);
        }
        long[] nanos = new long[plan.readRequests()];
        for (int i = 0; i < nanos.length; i++) {
            long s = System.nanoTime();
            page(hr, 50, null);
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("openTasksForApprover", open);
        read.put("openTasksInDatabase", all);
        read.put("openTasksMadeBy", "applications saved and their reviews started at hrReview (engine start-before), "
                + "100 per transaction");
        read.put("fillSeconds", fillSeconds);
        read.put("requests", nanos.length);
        read.put("pageSize", 50);
        read.put("p50Ms", ms(pct(nanos, 50)));
        read.put("p95Ms", ms(pct(nanos, 95)));
        read.put("p99Ms", ms(pct(nanos, 99)));
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

    private JsonNode page(String auth, int n, String countId) {
        JsonNode data = http.graphql(auth, INBOX, Map.of("n", n),
                countId == null ? Map.of() : Map.of(BenchApp.COUNT_HEADER, countId));
        int got = data.path("claimableTasks").path("nodes").size();
        if (got != n) {
            throw new IllegalStateException("inbox page of " + n + " returned " + got);
        }
        return data;
    }

    /** SQL statements of one inbox request on the request thread, login included (steady state: the last of 3). */
    private long statements(String auth, int n) {
        long last = -1;
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            page(auth, n, id);
            last = BenchApp.COUNTS.remove(id);
        }
        return last;
    }

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
