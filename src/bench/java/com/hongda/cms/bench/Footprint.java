package com.hongda.cms.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.StartupStep;

/**
 * The service's footprint as the harness sees it from inside the JVM it runs in: start-up time
 * (JVM start to the ApplicationReadyEvent), heap and non-heap used after start (after a full GC),
 * and resident memory read from /proc/self/status (VmRSS now, VmHWM the peak since the JVM started).
 * The harness shares the JVM with the service (its HTTP client, its own threads), so these are
 * upper bounds of the service alone; and the benchmark starts on an empty database (Flyway creates
 * every table), unlike a restart.
 */
final class Footprint {

    /** Start-up steps (bean instantiations and the like) kept for the slowest-steps list. */
    static final int STARTUP_STEPS = 20_000;

    private static final long MB = 1024 * 1024;

    private Footprint() {
    }

    /**
     * Start-up: JVM start to ready (the JVM's uptime when the ApplicationReadyEvent arrives), Spring's
     * own measure (SpringApplication.run to ready), and the steps that took longest on their own
     * (time in a step minus its nested steps), to tell where start-up goes.
     */
    static Map<String, Object> startup(ApplicationReadyEvent ready, long jvmUptimeAtReadyMs, BufferingApplicationStartup steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jvmStartToReadySeconds", jvmUptimeAtReadyMs / 1000.0);
        m.put("springRunToReadySeconds", ready.getTimeTaken() == null ? null : ready.getTimeTaken().toMillis() / 1000.0);
        m.put("slowestStepsSelfMs", slowest(steps.getBufferedTimeline(), 15));
        return m;
    }

    /** The {@code n} steps with the most time of their own, as "name [tags]" → ms. */
    private static Map<String, Long> slowest(StartupTimeline timeline, int n) {
        Map<Long, Long> childNanos = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : timeline.getEvents()) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                childNanos.merge(parent, e.getDuration().toNanos(), Long::sum);
            }
        }
        List<Map.Entry<String, Long>> self = new ArrayList<>();
        for (StartupTimeline.TimelineEvent e : timeline.getEvents()) {
            StartupStep step = e.getStartupStep();
            long own = e.getDuration().toNanos() - childNanos.getOrDefault(step.getId(), 0L);
            StringBuilder name = new StringBuilder(step.getName());
            for (StartupStep.Tag tag : step.getTags()) {
                if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")) {
                    name.append(' ').append(tag.getValue());
                }
            }
            self.add(Map.entry(name.toString(), own / 1_000_000));
        }
        Map<String, Long> top = new LinkedHashMap<>();
        self.stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.merge(e.getKey(), e.getValue(), Long::sum));
        return top;
    }

    /** Heap and non-heap used after a full GC, and resident memory, in MB. */
    static Map<String, Object> afterGc() {
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heapUsedMb", memory.getHeapMemoryUsage().getUsed() / MB);
        m.put("heapCommittedMb", memory.getHeapMemoryUsage().getCommitted() / MB);
        m.put("nonHeapUsedMb", memory.getNonHeapMemoryUsage().getUsed() / MB);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.NON_HEAP && pool.getName().equals("Metaspace")) {
                m.put("metaspaceUsedMb", pool.getUsage().getUsed() / MB);
            }
        }
        m.put("rssMb", status("VmRSS") / 1024);
        m.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        return m;
    }

    /** A field of /proc/self/status in kB (VmRSS, VmHWM), or -1 where there is none (not Linux). */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // reported as -1
        }
        return -1;
    }

    /** Samples VmRSS and the committed heap every 200 ms while open: the peak under a part's load. */
    static final class Sampler {

        private final AtomicLong maxRssKb = new AtomicLong();
        private final AtomicLong maxHeapCommitted = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final List<Long> rss = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        Sampler() {
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            long kb = status("VmRSS");
            maxRssKb.accumulateAndGet(kb, Math::max);
            maxHeapCommitted.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(), Math::max);
            samples.incrementAndGet();
            synchronized (rss) {
                rss.add(kb);
            }
        }

        /** Stops sampling, after one last sample. */
        void close() {
            running = false;
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
        }

        /** Peak and median VmRSS over the samples, VmHWM now, the peak committed heap, in MB. */
        Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Long> sorted;
            synchronized (rss) {
                sorted = rss.stream().sorted(Comparator.naturalOrder()).toList();
            }
            m.put("samples", samples.get());
            m.put("rssMaxMb", maxRssKb.get() / 1024);
            m.put("rssMedianMb", sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2) / 1024);
            m.put("vmHwmMb", status("VmHWM") / 1024);
            m.put("heapCommittedMaxMb", maxHeapCommitted.get() / MB);
            return m;
        }
    }
}
