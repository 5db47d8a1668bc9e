package com.hongda.cms.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

class MariaDbAwareDialectResolverTest {

    private final MariaDbAwareDialectResolver resolver = new MariaDbAwareDialectResolver();

    @Test
    void recognisesMariaDbBehindConnectorJWithItsRealVersion() {
        var dialect = resolver.resolveDialect(info("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1"));
        assertThat(dialect).isInstanceOf(MariaDBDialect.class);
        assertThat(dialect.getVersion().getMajor()).isEqualTo(10);
        assertThat(dialect.getVersion().getMinor()).isEqualTo(11);
    }

    @Test
    void leavesMySqlAndOthersToHibernate() {
        assertThat(resolver.resolveDialect(info("MySQL", "8.4.3"))).isNull();
        assertThat(resolver.resolveDialect(info("H2", "2.3.232 (2024-08-11)"))).isNull();
    }

    private static DialectResolutionInfo info(String product, String version) {
        return new DialectResolutionInfo() {
            @Override public String getDatabaseName() { return product; }
            @Override public String getDatabaseVersion() { return version; }
            @Override public int getDatabaseMajorVersion() { return 5; }
            @Override public int getDatabaseMinorVersion() { return 5; }
            @Override public String getDriverName() { return "MySQL Connector/J"; }
            @Override public int getDriverMajorVersion() { return 9; }
            @Override public int getDriverMinorVersion() { return 0; }
            @Override public String getSQLKeywords() { return ""; }
        };
    }
}
