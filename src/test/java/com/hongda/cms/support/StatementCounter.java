package com.hongda.cms.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts every SQL statement sent through the application's DataSource, by the engine or by JPA — but not
 * those of the live inbox's dispatcher thread, which reads the outbox in the background while anyone is
 * subscribed, and now and then cleans it, whatever a test is counting.
 */
public class StatementCounter implements QueryExecutionListener {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        if (!"live-events".equals(Thread.currentThread().getName())) {
            count.addAndGet(queryInfoList.size());
        }
    }

    public void reset() {
        count.set(0);
    }

    public long count() {
        return count.get();
    }
}
