package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.IntegrationTest;
import java.sql.Connection;
import java.util.Arrays;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The service boots on the database its profile names, with Flyway's tables and the engine's. */
class DatabaseTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    ManagementService management;

    @Autowired
    org.flywaydb.core.Flyway flyway;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void runsOnTheDatabaseOfTheActiveProfile() throws Exception {
        boolean mysql = Arrays.asList(environment.getActiveProfiles()).contains("mysql");
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(mysql ? "MySQL" : "H2");
            if (mysql) {
                assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    @Test
    void flywayOwnsTheDomainTablesAndTheEngineItsOwn() {
        assertThat(flyway.info().applied())
                .anySatisfy(m -> assertThat(m.getVersion().getVersion()).isEqualTo("1"))
                .allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(management.getTableCount()).containsKey("ACT_RU_EXECUTION");
    }

    @Test
    void oneTransactionManagerServesJpaAndTheEngine() {
        assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
    }
}
