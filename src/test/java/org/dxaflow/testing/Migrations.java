package org.dxaflow.testing;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The engine's Flyway migrations up to a given version, for tests of what a later one does to rows. */
public final class Migrations {

    private Migrations() {
    }

    /** Applies the migrations up to and including {@code version}, as {@code store.Database#migrate} would. */
    public static void upTo(DataSource dataSource, String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
    }
}
