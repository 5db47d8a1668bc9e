package com.hongda.cms.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs n calls at the same moment, each on a thread of its own, released together by one latch. */
public final class Simultaneously {

    private Simultaneously() {
    }

    /** The results of {@code call(0)} … {@code call(n - 1)}, in that order. */
    public static <T> List<T> run(int n, IntFunction<T> call) {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.apply(index);
                }, pool));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> c : calls) {
                results.add(c.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("simultaneous calls did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
