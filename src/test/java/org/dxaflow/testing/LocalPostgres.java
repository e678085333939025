package org.dxaflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL server the tests use: {@code postgres} with no password on 127.0.0.1:5432 (trust
 * authentication, as the machines here and CI have it). {@code DXAFLOW_TEST_PG_URL} (a JDBC URL
 * ending in '/') and {@code DXAFLOW_TEST_PG_USER} point them elsewhere.
 *
 * <p>Without a server these tests fail, not skip: the production database being untested must show.
 * The failure says what is missing and how to point the tests at a server instead of a bare
 * "Connection refused".
 */
public final class LocalPostgres {

    private final String server;
    private final String user;

    public LocalPostgres(Map<String, String> env) {
        this.server = env.getOrDefault("DXAFLOW_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        this.user = env.getOrDefault("DXAFLOW_TEST_PG_USER", "postgres");
    }

    public static LocalPostgres fromEnvironment() {
        return new LocalPostgres(System.getenv());
    }

    public String server() {
        return server;
    }

    public String user() {
        return user;
    }

    /** The JDBC URL of one database on the server. */
    public String url(String database) {
        return server + database;
    }

    /** Creates a database with a fresh name and returns the name. */
    public String createDatabase() {
        String name = "dxaflow_test_" + Long.toHexString(System.nanoTime());
        admin("CREATE DATABASE " + name);
        return name;
    }

    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A connection to one database, or a failure that says why the test cannot run. */
    public Connection connect(String database) {
        try {
            return DriverManager.getConnection(url(database), user, "");
        } catch (SQLException e) {
            throw new IllegalStateException("This test needs a PostgreSQL server and cannot reach one at " + server
                    + " as user '" + user + "' (" + e.getMessage() + "). Start the local server (user postgres, "
                    + "trust authentication on 127.0.0.1:5432; .ci/run does this), or point the tests at one with "
                    + "DXAFLOW_TEST_PG_URL=jdbc:postgresql://host:port/ and DXAFLOW_TEST_PG_USER.", e);
        }
    }

    private void admin(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + " refused: " + sql + " (" + e.getMessage() + ")",
                    e);
        }
    }
}
