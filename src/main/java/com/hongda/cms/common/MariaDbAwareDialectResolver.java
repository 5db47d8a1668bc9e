package com.hongda.cms.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Through MySQL Connector/J a MariaDB server calls itself "MySQL" with a version such as
 * "5.5.5-10.11.19-MariaDB"; Hibernate would then choose a MySQL dialect for an unsupported 5.5.
 * This resolver recognises MariaDB by that version string, takes the real version from it, and
 * leaves every other database to Hibernate, so one {@code mysql} profile serves MySQL 8 and
 * MariaDB alike.
 */
public class MariaDbAwareDialectResolver implements DialectResolver {

    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String version = info.getDatabaseVersion();
        if (version == null || !version.contains("MariaDB")) {
            return null;
        }
        Matcher m = MARIADB_VERSION.matcher(version);
        if (m.find()) {
            return new MariaDBDialect(DatabaseVersion.make(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        return new MariaDBDialect(info);
    }
}
