package com.hongda.cms.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hongda.cms.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Domain rows and engine state share one DataSource and one transaction manager: a failure after
 * both were written rolls back both.
 */
class AtomicityTest extends IntegrationTest {

    @Autowired
    CustomerAndProcess writer;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void failureAfterBothWritesRollsBackDomainRowsAndProcessState() {
        String name = fixtures.unique("atomic-fail");
        assertThatThrownBy(() -> writer.write(name, true)).hasMessageContaining("forced failure");
        assertThat(customersNamed(name)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(name).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(name).count()).isZero();
    }

    @Test
    void withoutFailureBothAreCommitted() {
        String name = fixtures.unique("atomic-ok");
        writer.write(name, false);
        assertThat(customersNamed(name)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(name).count()).isEqualTo(1);
    }

    private int customersNamed(String name) {
        return fixtures.jdbc().queryForObject("select count(*) from customer where name = ?", Integer.class, name);
    }
}
