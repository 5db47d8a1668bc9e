package com.hongda.cms.bench;

import com.hongda.cms.CmsApplication;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.Ordered;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * The service as {@link CmsApplication} configures it, plus the benchmark's statement counter.
 * The benchmark shares target/test-classes with the tests, so the scan leaves out every class
 * compiled from src/test (test fixtures must not run inside the measured service).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackageClasses = CmsApplication.class)
@ConfigurationPropertiesScan(basePackageClasses = CmsApplication.class)
@ComponentScan(basePackageClasses = CmsApplication.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CmsApplication.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = BenchApp.NotFromTests.class)})
class BenchApp {

    /** Header naming a request whose SQL statements the harness wants counted. */
    static final String COUNT_HEADER = "X-Bench-Count";

    /** Header naming the kind of request, whose statements are added up by kind ({@link #STATEMENTS}). */
    static final String OPERATION_HEADER = "X-Bench-Operation";

    /** Statements per named request, counted on the request thread only (not the job executor's). */
    static final Map<String, Long> COUNTS = new ConcurrentHashMap<>();
    /** Statements by kind of request or in-process call: [calls, statements, nanoseconds on the server]. */
    static final Map<String, LongAdder[]> STATEMENTS = new ConcurrentHashMap<>();
    /**
     * Statements sent outside any counted request or call, by kind of thread (its name without the
     * trailing number: the job executor's workers, its acquisition thread, the harness's own main
     * thread): what the background work of a part sent, as the difference of two {@link #background()} readings.
     */
    static final Map<String, LongAdder> BACKGROUND = new ConcurrentHashMap<>();
    /** Parameter sets sent in JDBC batches, by kind of thread as {@link #BACKGROUND} (a batch counts as one statement). */
    static final Map<String, LongAdder> BACKGROUND_BATCHED = new ConcurrentHashMap<>();
    /** Parameter sets sent in JDBC batches by a named request ({@link #COUNTS}), if any. */
    static final Map<String, Long> BATCHED = new ConcurrentHashMap<>();
    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    /** Statements and batched parameter sets sent so far outside counted requests, by kind of thread. */
    static Map<String, long[]> background() {
        Map<String, long[]> m = new java.util.TreeMap<>();
        BACKGROUND.forEach((k, v) -> m.put(k, new long[] {v.sum(), BACKGROUND_BATCHED.getOrDefault(k, new LongAdder()).sum()}));
        return m;
    }

    /** Runs {@code action} on this thread; returns its statements and the parameter sets it sent in batches. */
    static long[] countedHere(Runnable action) {
        long[] c = new long[2];
        CURRENT.set(c);
        try {
            action.run();
        } finally {
            CURRENT.remove();
        }
        return c;
    }

    /** Runs {@code action} on this thread, adding the statements it sends to {@code operation}'s tally. */
    static <T> T counted(String operation, Supplier<T> action) {
        long[] c = new long[2];
        CURRENT.set(c);
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            CURRENT.remove();
            tally(operation, c[0], System.nanoTime() - start);
        }
    }

    private static void tally(String operation, long statements, long nanos) {
        LongAdder[] cell = STATEMENTS.computeIfAbsent(operation, k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
        cell[0].increment();
        cell[1].add(statements);
        cell[2].add(nanos);
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(ds).name("bench").listener(new QueryExecutionListener() {
                        @Override
                        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
                        }

                        @Override
                        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queries) {
                            long[] c = CURRENT.get();
                            long batched = execInfo.isBatch() ? Math.max(execInfo.getBatchSize(), 0) : 0;
                            if (c != null) {
                                c[0] += queries.size();
                                c[1] += batched;
                            } else {
                                String kind = Thread.currentThread().getName().replaceAll("[-#]?\\d+$", "");
                                BACKGROUND.computeIfAbsent(kind, k -> new LongAdder()).add(queries.size());
                                if (batched > 0) {
                                    BACKGROUND_BATCHED.computeIfAbsent(kind, k -> new LongAdder()).add(batched);
                                }
                            }
                        }
                    }).build();
                }
                return bean;
            }
        };
    }

    /**
     * Outermost filter: counts every statement of a request that carries {@link #COUNT_HEADER} or
     * {@link #OPERATION_HEADER}, login included.
     */
    @Bean
    FilterRegistrationBean<Filter> statementCountFilter() {
        FilterRegistrationBean<Filter> reg = new FilterRegistrationBean<>((request, response, chain) -> {
            String id = request instanceof HttpServletRequest http ? http.getHeader(COUNT_HEADER) : null;
            String operation = request instanceof HttpServletRequest http ? http.getHeader(OPERATION_HEADER) : null;
            if (id == null && operation == null) {
                chain.doFilter(request, response);
                return;
            }
            long[] c = new long[2];
            CURRENT.set(c);
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
                if (id != null) {
                    COUNTS.put(id, c[0]);
                    if (c[1] > 0) {
                        BATCHED.put(id, c[1]);
                    }
                }
                if (operation != null) {
                    tally(operation, c[0], System.nanoTime() - start);
                }
            }
        });
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return reg;
    }

    /** Leaves out classes compiled from src/test, which share target/test-classes with the benchmark. */
    static class NotFromTests implements TypeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String name = reader.getClassMetadata().getClassName();
            String where = reader.getResource().getURL().toString();
            return where.contains("/test-classes/") && !name.startsWith("com.hongda.cms.bench.");
        }
    }
}
