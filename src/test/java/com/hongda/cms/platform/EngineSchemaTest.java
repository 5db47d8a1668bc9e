package com.hongda.cms.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.IntegrationTest;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway is the one writer of the engine's schema: on a fresh, empty database two nodes migrating at
 * once both succeed and the engine's tables are made once; on a database whose engine tables an
 * older version let the engine create, V5 keeps them (converted to utf8mb4 on MySQL/MariaDB). Each
 * case runs the application's own Flyway configuration and migrations on a database of its own
 * (a fresh in-memory H2 database, or a new database next to the test database on MySQL/MariaDB).
 */
class EngineSchemaTest extends IntegrationTest {

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void theEngineIsBuiltAfterFlywayHasMigrated() {
        assertThat(context.getBeanFactory().getBeanDefinition("processEngineFactoryBean").getDependsOn())
                .contains("flywayInitializer");
    }

    /**
     * The job executor's acquisition condition (due, unlocked) is answered from the due-date index (V25), not by
     * reading every job: the index exists, and on MySQL/MariaDB the planner finds it usable for that condition (which
     * index a nearly empty test table is read by is the planner's choice).
     */
    @Test
    void jobAcquisitionReadsTheDueJobsThroughTheDueDateIndex() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try (java.sql.Connection c = dataSource.getConnection()) {
            List<String> indexes = new ArrayList<>();
            for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
                try (java.sql.ResultSet rs = c.getMetaData().getIndexInfo(c.getCatalog(), c.getSchema(), table, false, true)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
            assertThat(indexes).contains("CMS_IDX_JOB_DUEDATE");
            if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*")) {
                List<String> keys = jdbc.query("explain select RES.ID_ from ACT_RU_JOB RES where RES.RETRIES_ > 0"
                        + " and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now()) and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now())"
                        + " and RES.SUSPENSION_STATE_ = 1 limit 3", (rs, i) -> rs.getString("possible_keys"));
                assertThat(keys).singleElement().asString().contains("CMS_IDX_JOB_DUEDATE");
            }
        }
    }

    @Test
    void twoNodesMigratingAFreshDatabaseAtOnceBothSucceed() throws Exception {
        try (FreshDatabase db = new FreshDatabase()) {
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<MigrateResult> node = () -> {
                Flyway own = db.flyway(null);
                start.await(30, TimeUnit.SECONDS);
                return own.migrate();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<MigrateResult> a = pool.submit(node);
                Future<MigrateResult> b = pool.submit(node);
                assertThat(a.get(5, TimeUnit.MINUTES).success).isTrue();
                assertThat(b.get(5, TimeUnit.MINUTES).success).isTrue();
            } finally {
                pool.shutdownNow();
            }
            JdbcTemplate jdbc = db.jdbc();
            assertThat(jdbc.queryForObject("select count(*) from " + db.quoted(flyway.getConfiguration().getTable())
                    + " where " + db.quoted("version") + " = '5' and " + db.quoted("success") + " = " + db.trueLiteral(),
                    Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from ACT_GE_SCHEMA_LOG", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'", String.class))
                    .isEqualTo("fox");
            assertThat(db.engineTables()).hasSize(49);
            db.assertUtf8mb4();
            db.assertEngineStarts();
        }
    }

    @Test
    void aDatabaseWhoseEngineTablesTheEngineMadeIsKeptAndConverted() throws Exception {
        try (FreshDatabase db = new FreshDatabase()) {
            // As an earlier version left it: the engine's tables made by the engine, Flyway at V4.
            ProcessEngine old = db.engine("true");
            old.close();
            db.flyway("4").migrate();
            JdbcTemplate jdbc = db.jdbc();
            int foreignKeys = db.foreignKeys();
            List<String> tables = db.engineTables();

            MigrateResult result = db.flyway(null).migrate();

            assertThat(result.success).isTrue();
            // V5 and whatever later migrations exist; V1–V4 were applied before.
            assertThat(result.migrations).extracting(m -> m.version).contains("5").doesNotContain("1", "2", "3", "4");
            assertThat(db.engineTables()).isEqualTo(tables);
            // None lost in the conversion; later migrations may add their own.
            assertThat(db.foreignKeys()).isGreaterThanOrEqualTo(foreignKeys).isPositive();
            assertThat(jdbc.queryForObject("select count(*) from ACT_GE_SCHEMA_LOG", Integer.class)).isEqualTo(1);
            db.assertUtf8mb4();
            db.assertEngineStarts();
        }
    }

    @Test
    void freeTextBranchesBecomeBranchRecordsThatManagersAndApplicationsReferTo() throws Exception {
        try (FreshDatabase db = new FreshDatabase()) {
            db.flyway("12").migrate();
            JdbcTemplate jdbc = db.jdbc();
            String manager = "insert into customer_manager (employee_no, name, branch, region, grade, grade_rank, status,"
                    + " grade_since, created_at, updated_at, version) values (?, ?, ?, ?, 'JUNIOR', 1, 'ACTIVE', current_date,"
                    + " current_timestamp, current_timestamp, 0)";
            jdbc.update(manager, "E1", "甲", "城东分公司", "URBAN");
            jdbc.update(manager, "E2", "乙", "南山县营业部 🏔", "RURAL");
            jdbc.update(manager, "E3", "丙", "南山县营业部 🏔", "RURAL");
            jdbc.update(manager, "E4", "丁", "南山县营业部 🏔", "URBAN");
            jdbc.update("insert into recruitment_application (name, origin, education, years_of_experience, performance_summary,"
                    + " declares_ethics, declares_no_bad_record, declares_healthy, branch, region, state, submitted_by,"
                    + " submitted_at, updated_at, version) values ('戊', 'EXTERNAL', 'BACHELOR', 3, 'x', true, true, true,"
                    + " '西区支行', 'URBAN', 'SUBMITTED', 'hr', current_timestamp, current_timestamp, 0)");

            assertThat(db.flyway(null).migrate().success).isTrue();

            // One record per name used, coded by name; the region most of its uses gave.
            assertThat(jdbc.queryForList("select concat(code, ' ', name, ' ', region) from branch order by code", String.class))
                    .containsExactly("B1 南山县营业部 🏔 RURAL", "B2 城东分公司 URBAN", "B3 西区支行 URBAN");
            assertThat(jdbc.queryForList("select concat(m.employee_no, ' ', b.code) from customer_manager m join branch b"
                    + " on b.id = m.branch_id order by m.employee_no", String.class))
                    .containsExactly("E1 B2", "E2 B1", "E3 B1", "E4 B1");
            assertThat(jdbc.queryForObject("select b.code from recruitment_application a join branch b on b.id = a.branch_id",
                    String.class)).isEqualTo("B3");
            assertThat(jdbc.queryForObject("select count(*) from manager_branch_change where reason = 'REGISTERED'"
                    + " and from_branch_id is null", Integer.class)).isEqualTo(4);
            // The reference is required and checked.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update customer_manager set branch_id = null"))
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update customer_manager set branch_id = 999999"))
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        }
    }

    /** A new, empty database on the server of the test database, with the pool settings of the application's. */
    private final class FreshDatabase implements AutoCloseable {

        final String name;
        final boolean mysql;
        final HikariDataSource ds;

        FreshDatabase() throws Exception {
            HikariDataSource app = dataSource.unwrap(HikariDataSource.class);
            mysql = app.getJdbcUrl().startsWith("jdbc:mysql:");
            String url;
            String suffix = "_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            if (mysql) {
                // Named after the test database: its user may create databases of that prefix (e.g. cms_a*).
                name = new JdbcTemplate(dataSource).queryForObject("select database()", String.class) + suffix;
                // The older default of MariaDB; V5 makes every table utf8mb4_bin whatever the default.
                new JdbcTemplate(dataSource).execute("create database " + name + " character set utf8mb4 collate utf8mb4_general_ci");
                url = app.getJdbcUrl().replaceFirst("^(jdbc:mysql://[^/]+/)[^?]*", "$1" + name);
            } else {
                name = "cms" + suffix;
                url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            }
            HikariConfig config = new HikariConfig();
            app.copyStateTo(config);
            config.setPoolName(name);
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(6);
            config.setMinimumIdle(0);
            ds = new HikariDataSource(config);
        }

        /** The application's Flyway configuration and migrations on this database, up to {@code target} (null: all). */
        Flyway flyway(String target) {
            var configure = Flyway.configure().configuration(flyway.getConfiguration()).dataSource(ds);
            if (target != null) {
                configure.target(target);
            }
            return configure.load();
        }

        JdbcTemplate jdbc() {
            return new JdbcTemplate(ds);
        }

        /** A name Flyway created, quoted as it must be on this database (H2 keeps Flyway's lower case only quoted). */
        String quoted(String identifier) {
            return mysql ? "`" + identifier + "`" : '"' + identifier + '"';
        }

        String trueLiteral() {
            return mysql ? "1" : "true";
        }

        List<String> engineTables() {
            return jdbc().queryForList("select upper(table_name) from information_schema.tables where table_schema = "
                    + (mysql ? "database()" : "current_schema") + " and upper(table_name) like 'ACT\\_%' order by 1",
                    String.class);
        }

        int foreignKeys() {
            return jdbc().queryForObject("select count(*) from information_schema.referential_constraints where constraint_schema = "
                    + (mysql ? "database()" : "current_schema"), Integer.class);
        }

        void assertUtf8mb4() {
            if (!mysql) {
                return;
            }
            List<String> notUtf8mb4 = jdbc().queryForList("""
                    select concat(t.table_name, ' ', t.table_collation) from information_schema.tables t
                    where t.table_schema = database() and t.table_name <> 'flyway_schema_history'
                      and t.table_collation <> 'utf8mb4_bin'
                    union all
                    select concat(c.table_name, '.', c.column_name, ' ', c.collation_name) from information_schema.columns c
                    where c.table_schema = database() and c.table_name <> 'flyway_schema_history'
                      and c.collation_name <> 'utf8mb4_bin'""", String.class);
            assertThat(notUtf8mb4).isEmpty();
            assertThat(jdbc().queryForObject("select default_collation_name from information_schema.schemata where schema_name = database()",
                    String.class)).isEqualTo("utf8mb4_bin");
            assertThat(engineTables()).contains("ACT_RU_TASK", "ACT_HI_COMMENT", "ACT_ID_USER", "ACT_RE_CASE_DEF",
                    "ACT_RE_DECISION_DEF", "ACT_HI_DECINST");
        }

        /** A process engine that only checks the schema, as the service's engine does. */
        void assertEngineStarts() {
            ProcessEngine engine = engine("false");
            try {
                assertThat(engine.getManagementService().getTableCount()).containsKeys("ACT_RU_EXECUTION", "ACT_HI_PROCINST");
                assertThat(engine.getIdentityService().createUserQuery().count()).isZero();
            } finally {
                engine.close();
            }
        }

        ProcessEngine engine(String schemaUpdate) {
            StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
            config.setDataSource(ds);
            config.setDatabaseSchemaUpdate(schemaUpdate);
            config.setJobExecutorActivate(false);
            config.setHistory("full");
            config.setProcessEngineName(name + "-" + schemaUpdate.toLowerCase(Locale.ROOT));
            config.setMetricsEnabled(false);
            return config.buildProcessEngine();
        }

        @Override
        public void close() {
            List<Exception> problems = new ArrayList<>();
            if (!mysql) {
                try {
                    jdbc().execute("shutdown");
                } catch (Exception e) {
                    problems.add(e);
                }
            }
            ds.close();
            if (mysql) {
                try {
                    new JdbcTemplate(dataSource).execute("drop database if exists " + name);
                } catch (Exception e) {
                    problems.add(e);
                }
            }
            assertThat(problems).isEmpty();
        }
    }
}
