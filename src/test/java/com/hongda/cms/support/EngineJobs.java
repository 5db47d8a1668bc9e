package com.hongda.cms.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Does in tests what the job executor (off in tests) does in production: runs, one at a time, every
 * job of an instance that is due at the engine's current time — async continuations, and timers
 * once a test has moved the engine's clock past them.
 */
@Component
public class EngineJobs {

    private final ManagementService management;

    EngineJobs(ManagementService management) {
        this.management = management;
    }

    public void runDue(String processInstanceId) {
        for (int i = 0; i < 50; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming for " + processInstanceId);
    }
}
