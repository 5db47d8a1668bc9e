package com.hongda.cms.workflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History does not grow for ever: every deployed model has a time-to-live, and the engine cleans up
 * what outlived it in a nightly window by removal time.
 */
class HistoryRetentionTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Test
    void everyProcessAndDecisionHasAHistoryTimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        assertThat(repository.createDecisionDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
    }

    @Test
    void historyCleanupRunsNightlyByRemovalTime() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).as("cleanup job scheduled at start-up").isNotEmpty();
    }
}
