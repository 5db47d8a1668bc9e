package com.hongda.cms.workflow;

import com.hongda.cms.common.DomainException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in its own transaction and runs it again when it lost a race that says nothing
 * about the work itself: the engine's optimistic lock (two judges of one panel, two branches reaching
 * a join, two claims of one task) or a database deadlock. Each attempt starts from scratch, reads the
 * current state and decides anew, so a retry never repeats a change that has already happened: a
 * task completed meanwhile is then reported as completed, a claim that already went to the caller
 * succeeds. Only when every attempt lost is the caller told to try again ({@code CONFLICT BUSY}).
 */
@Component
public class EngineRetry {

    /** Attempts in all; ten judges completing at once need at most a few each. */
    static final int ATTEMPTS = 8;

    private final TransactionTemplate tx;

    EngineRetry(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
    }

    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw DomainException.conflict(null, "BUSY", "error.busy");
                }
                // A short random pause, growing with each attempt, so the racers do not collide again.
                long micros = ThreadLocalRandom.current().nextLong(2_000, 10_000) * attempt;
                LockSupport.parkNanos(micros * 1_000);
            }
        }
    }

    /** Whether the failure was a lost race (worth another attempt) rather than a real error. */
    static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof PessimisticLockingFailureException) {
                return true;
            }
            // 40001: serialization failure / deadlock (MySQL, MariaDB); 40P01 and 1213 likewise.
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
