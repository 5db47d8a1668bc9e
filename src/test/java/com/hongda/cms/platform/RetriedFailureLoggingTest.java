package com.hongda.cms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.TaskProbe;
import java.sql.SQLTransactionRollbackException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The running service's logging: a failure the engine retries is one WARN line, a job out of retries is an ERROR. */
class RetriedFailureLoggingTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    TaskProbe probe;

    @Test
    void theEngineLogsADeadlockAsOneWarnLine() {
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList())
                .hasAtLeastOneElementOfType(RetriedFailureLogFilter.class);
        Command<Void> deadlocked = commandContext -> {
            throw new ProcessEngineException("flush failed", new SQLTransactionRollbackException(
                    "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
        };
        List<ILoggingEvent> events = captured("org.camunda.bpm.engine.context", () -> assertThatThrownBy(() ->
                ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired().execute(deadlocked))
                .hasRootCauseInstanceOf(SQLTransactionRollbackException.class));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).contains("ENGINE-16004", "SQLTransactionRollbackException: Deadlock found");
        });

        Command<Void> broken = commandContext -> {
            throw new ProcessEngineException("not a concurrency problem");
        };
        events = captured("org.camunda.bpm.engine.context", () -> assertThatThrownBy(() ->
                ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired().execute(broken)));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("ERROR");
            assertThat(e.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void aJobOutOfRetriesIsLoggedAtErrorWithItsCause() {
        ProcessInstance instance = probe.start(fixtures.unique("incident"), new Subject(Subject.CUSTOMER, "0"), new Date());
        try {
            String execution = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getExecutionId();
            List<ILoggingEvent> events = captured(FailedJobIncidentLogger.class.getName(), () ->
                    runtime.createIncident(Incident.FAILED_JOB_HANDLER_TYPE, execution, "job-42", "Connection refused 😀"));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.getLevel().toString()).isEqualTo("ERROR");
                assertThat(e.getFormattedMessage()).contains("Job job-42 failed and has no retries left",
                        instance.getId(), "Connection refused 😀");
            });
            assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        } finally {
            runtime.deleteProcessInstance(instance.getId(), "test done");
        }
    }

    /** What {@code logger} logged (at WARN or above, the tests' level for the engine) while {@code action} ran on this thread. */
    private static List<ILoggingEvent> captured(String logger, Runnable action) {
        Logger target = (Logger) LoggerFactory.getLogger(logger);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(target.getLoggerContext());
        appender.start();
        target.addAppender(appender);
        try {
            action.run();
        } finally {
            target.detachAppender(appender);
        }
        String thread = Thread.currentThread().getName();
        return appender.list.stream().filter(e -> thread.equals(e.getThreadName())).toList();
    }
}
