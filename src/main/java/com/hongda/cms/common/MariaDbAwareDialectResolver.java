package com.hongda.cms.common;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Through MySQL Connector/J a MariaDB server calls itself "MySQL" with a version such as
 * "5.5.5-10.11.19-MariaDB"; Hibernate would then choose an unsupported MySQL 5.5 dialect.
 * This resolver recognises MariaDB by that version string and lets Hibernate decide everything
 * else, so one {@code mysql} profile serves MySQL 8 and MariaDB alike.
 */
public class MariaDbAwareDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String version = info.getDatabaseVersion();
        if (version != null && version.contains("MariaDB")) {
            return new MariaDBDialect(info);
        }
        return null;
    }
}
