package com.hongda.cms.support;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.stereotype.Component;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Process-test coverage (camunda-process-test-coverage) in the one Spring context all tests share.
 *
 * <p>As an engine plugin of the shared context it adds the library's parse listener, which reports
 * every flow node and sequence flow an instance passes. Events are kept only while a test class that
 * registered {@link #of(String, double)} runs; otherwise they are dropped, so other tests, engine work
 * outside test methods and start-up are unaffected. The library's own Spring listener is not used: it
 * attaches to every Spring test class and has one threshold for all of them.
 *
 * <p>Use in a process test class:
 * <pre>{@code @RegisterExtension
 * static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of("probation", 0.9);}</pre>
 * After the class, the coverage of that model over all its test methods is printed, written as an HTML
 * and JSON report to {@code target/process-test-coverage/<test class>/}, and checked against the minimum
 * (only when every test method of the class ran, so running a single method does not fail on coverage).
 */
@Component
public class ProcessCoverage extends SpringBootProcessEnginePlugin implements Collector {

    static final String REPORT_DIRECTORY = "target/process-test-coverage";

    private volatile DefaultCollector recording;

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        ElementCoverageParseListener listener = new ElementCoverageParseListener();
        listener.setCoverageState(this);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }

    @Override
    public void addEvent(Event event) {
        DefaultCollector c = recording;
        if (c != null) {
            c.addEvent(event);
        }
    }

    private synchronized void record(DefaultCollector collector) {
        if (recording != null) {
            throw new IllegalStateException("process coverage is already being recorded for another test class");
        }
        recording = collector;
    }

    private synchronized void stop() {
        recording = null;
    }

    /** Measures the coverage of the model {@code processKey} by a test class and fails it below {@code atLeast} (0–1). */
    public static Check of(String processKey, double atLeast) {
        return new Check(List.of(processKey), atLeast);
    }

    /** The same for several models a test class drives together (a family of two processes), each at least {@code atLeast}. */
    public static Check of(double atLeast, String... processKeys) {
        return new Check(List.of(processKeys), atLeast);
    }

    private static long declaredTests(Class<?> testClass) {
        long n = 0;
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            n += java.util.Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(org.junit.jupiter.api.Test.class))
                    .filter(m -> !m.isAnnotationPresent(org.junit.jupiter.api.Disabled.class)).count();
        }
        return n;
    }

    /** The JUnit extension that records a test class's process runs; see {@link ProcessCoverage}. */
    public static final class Check implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

        private final List<String> processKeys;
        private final double atLeast;
        private ProcessCoverage coverage;
        private DefaultCollector collector;
        private String suiteId;
        private int testMethodsRun;

        private Check(List<String> processKeys, double atLeast) {
            if (atLeast < 0 || atLeast > 1) {
                throw new IllegalArgumentException("coverage is a ratio 0–1, not " + atLeast);
            }
            this.processKeys = processKeys;
            this.atLeast = atLeast;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            coverage = SpringExtension.getApplicationContext(context).getBean(ProcessCoverage.class);
            collector = new DefaultCollector(new ExecutionContextModelProvider());
            suiteId = context.getRequiredTestClass().getName();
            collector.createSuite(new Suite(suiteId, suiteId));
            collector.activateSuite(suiteId);
            // Engine work before the first test method (e.g. in @BeforeAll) is counted too.
            collector.createRun(new Run(suiteId + "#beforeAll", "beforeAll"), suiteId);
            collector.activateRun(suiteId + "#beforeAll");
            coverage.record(collector);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            testMethodsRun++;
            String runId = context.getUniqueId();
            collector.createRun(new Run(runId, context.getRequiredTestMethod().getName()), suiteId);
            collector.activateRun(runId);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (coverage == null) {
                return;
            }
            coverage.stop();
            CoverageReportUtil.createReport(collector, REPORT_DIRECTORY);
            CoverageReportUtil.createJsonReport(collector, REPORT_DIRECTORY);
            for (String processKey : processKeys) {
                check(context, processKey);
            }
        }
    
        private void check(ExtensionContext context, String processKey) {
            Optional<Model> model = collector.getModels().stream().filter(m -> m.getKey().equals(processKey)).findFirst();
            if (model.isEmpty()) {
                throw new AssertionError("no instance of process " + processKey + " ran in " + suiteId
                        + "; models seen: " + collector.getModels().stream().map(Model::getKey).collect(Collectors.joining(", ")));
            }
            double ratio = collector.getActiveSuite().calculateCoverage(model.get());
            String line = String.format("Process coverage of %s by %s: %.1f %% (minimum %.1f %%), report in %s/%s/",
                    processKey, context.getRequiredTestClass().getSimpleName(), ratio * 100, atLeast * 100,
                    REPORT_DIRECTORY, suiteId);
            System.out.println(line);
            if (ratio < atLeast) {
                if (testMethodsRun < declaredTests(context.getRequiredTestClass())) {
                    // Some methods were filtered out (e.g. -Dtest=Class#method): report, but do not fail.
                    System.out.println("Only " + testMethodsRun + " test method(s) ran: coverage not checked");
                    return;
                }
                throw new AssertionError(line);
            }
        }
    }
}
