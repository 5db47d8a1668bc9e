package com.hongda.cms.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The recruitment story every route walks, with the same values: HR submits an application; HR
 * completes hrReview, scoreProfile and writtenTest; each interviewer of the panel completes their
 * interview; HR gives final approval naming the supervisor; the candidate is hired (and probation
 * starts). Form values are given as text (what the GraphQL route sends) and typed (what the form
 * validation turns them into, and what the REST and in-process routes send).
 */
final class Story {

    static final String PASSWORD = "bench-pw";
    static final String HR = "bench-hr";
    static final String SUPERVISOR = "bench-supervisor";
    static final List<String> JUDGES = List.of("bench-judge1", "bench-judge2", "bench-judge3");

    /** One step: the task definition key, who works it, whether it is offered to a group (HR) or the user, the values. */
    record Step(String key, String user, boolean hrGroup, Map<String, Object> values) {
        Map<String, String> text() {
            Map<String, String> m = new LinkedHashMap<>();
            values.forEach((k, v) -> m.put(k, v.toString()));
            return m;
        }
    }

    static List<Step> steps() {
        List<Step> steps = new java.util.ArrayList<>();
        steps.add(new Step("hrReview", HR, true, Map.of("qualificationDecision", "ACCEPT")));
        steps.add(new Step("scoreProfile", HR, true, ordered("educationScore", 85L, "experienceScore", 80L, "performanceScore", 82L)));
        steps.add(new Step("writtenTest", HR, true, Map.of("writtenScore", 78L)));
        for (String judge : JUDGES) {
            steps.add(new Step("interview", judge, false, Map.of("interviewScore", 88L)));
        }
        steps.add(new Step("finalApproval", HR, true, ordered("finalDecision", "APPROVE", "supervisorId", SUPERVISOR)));
        return List.copyOf(steps);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Polls until {@code probe} gives a value: the async steps run on the job executor. */
    static <T> T await(String what, Supplier<T> probe) {
        return await(what, 120, probe);
    }

    /** As {@link #await(String, Supplier)}, giving up after {@code seconds}. */
    static <T> T await(String what, int seconds, Supplier<T> probe) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long pause = 1_000_000L;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000L);
        }
    }

    private Story() {
    }
}
