package com.hongda.cms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter on its own, fed the engine's log calls as the engine makes them (the exception as last argument). */
class RetriedFailureLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void logging() {
        RetriedFailureLogFilter filter = new RetriedFailureLogFilter();
        filter.start();
        context.addTurboFilter(filter);
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @Test
    void anOptimisticLockingFailureOfAJobIsOneWarnLine() {
        Logger jobs = context.getLogger("org.camunda.bpm.engine.jobexecutor");
        jobs.warn("ENGINE-14006 Exception while executing job {}: ", "job-1",
                new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed."));
        assertThat(appender.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getLoggerName()).isEqualTo("org.camunda.bpm.engine.jobexecutor");
            assertThat(e.getFormattedMessage()).contains("ENGINE-14006 Exception while executing job",
                    "OptimisticLockingException: ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed.");
        });
    }

    @Test
    void aDeadlockOrLockWaitTimeoutDeepInTheCausesIsOneWarnLine() {
        Logger commands = context.getLogger("org.camunda.bpm.engine.context");
        commands.error("ENGINE-16004 Exception while closing command context: {}", "flush failed", new ProcessEngineException(
                "flush failed", new PersistenceException(new SQLTransactionRollbackException(
                        "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213))));
        commands.error("ENGINE-16004 Exception while closing command context: {}", "flush failed", new ProcessEngineException(
                "flush failed", new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)));
        assertThat(appender.list).hasSize(2).allSatisfy(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).startsWith("ENGINE-16004 Exception while closing command context:");
        });
        assertThat(appender.list.get(0).getFormattedMessage()).contains("SQLTransactionRollbackException: Deadlock found");
        assertThat(appender.list.get(1).getFormattedMessage()).contains("SQLException: Lock wait timeout exceeded");
    }

    @Test
    void aRuleRefusingInsideTheEngineIsOneInfoLine() {
        Logger commands = context.getLogger("org.camunda.bpm.engine.context");
        commands.error("ENGINE-16004 Exception while closing command context: {}", "x", new ProcessEngineException(
                "ENGINE-03051 There was an exception while invoking the TaskListener", new ProcessEngineException("listener",
                        com.hongda.cms.common.DomainException.conflict("input.taskId", "ROUND_INCOMPLETE", "error.assessment.incomplete", 1))));
        assertThat(appender.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("INFO");
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).contains("ENGINE-16004", "refused");
        });
    }

    @Test
    void otherFailuresAndOtherLoggersAreLeftAlone() {
        Logger commands = context.getLogger("org.camunda.bpm.engine.context");
        commands.error("ENGINE-16004 Exception while closing command context: {}", "x", new ProcessEngineException("unknown property"));
        commands.error("ENGINE-16004 Exception while closing command context: {}", "x",
                new SQLException("Data too long for column 'TEXT_'", "22001", 1406));
        context.getLogger("com.hongda.cms.common.GraphQlErrors").error("Internal error", new OptimisticLockingException("x"));
        commands.info("ENGINE-16003 Exception while closing command context: {}", "x", new OptimisticLockingException("x"));
        assertThat(appender.list).hasSize(4).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNotNull());
        assertThat(appender.list).extracting(e -> e.getLevel().toString()).containsExactly("ERROR", "ERROR", "ERROR", "INFO");
    }
}
