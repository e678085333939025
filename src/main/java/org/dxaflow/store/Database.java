package org.dxaflow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The engine's relational store: a pooled {@link DataSource} whose schema Flyway brings up to date
 * on start. The same migrations run on the embedded H2 file database and on PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;

    public Database(String url, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            cfg.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            cfg.setPassword(password);
        }
        cfg.setPoolName("dxaflow-db");
        cfg.setMaximumPoolSize(10);
        cfg.setAutoCommit(true);
        this.dataSource = new HikariDataSource(cfg);
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isHealthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
