package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Opens connections to one PostgreSQL database and turns a failure to connect into a
 * {@link StoreException} an operator can act on. The password is held only here and never appears
 * in a message or in {@link #location()}.
 */
final class PgConnections {
    /** What every connection calls itself, so that repair can see other Retro Gate sessions. */
    static final String APPLICATION_NAME = "retro-gate";
    private static final String CONNECT_TIMEOUT_SECONDS = "5";
    private static final String SOCKET_TIMEOUT_SECONDS = "60";
    /** Server-side bounds on a session: a lock waited for, and a transaction left open by a lost writer. */
    private static final String SESSION_OPTIONS = "-c lock_timeout=30s -c idle_in_transaction_session_timeout=60s";
    private static final Pattern USER_PARAMETER = Pattern.compile("[?&]user=([^&]*)");

    private final String url;
    private final String user;
    private final String password;
    private final String location;

    PgConnections(String jdbcUrl, String user, String password) {
        this.url = jdbcUrl;
        this.password = password;
        int query = jdbcUrl.indexOf('?');
        this.location = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        Matcher named = USER_PARAMETER.matcher(query < 0 ? "" : jdbcUrl.substring(query));
        this.user = user != null ? user : named.find() ? named.group(1) : null;
    }

    /** The database's address without user, password or options. */
    String location() {
        return location;
    }

    /** A new connection in auto-commit mode. */
    Connection connect() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        if (!url.contains("connectTimeout=")) {
            properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        }
        if (!url.contains("loginTimeout=")) {
            properties.setProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
        }
        // a half-open connection (a failover, a partition) must not hold the store's lock for ever, and a
        // writer that vanished between INSERT and COMMIT must not hold the next sequence number for hours
        if (!url.contains("socketTimeout=")) {
            properties.setProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
        }
        if (!url.contains("tcpKeepAlive=")) {
            properties.setProperty("tcpKeepAlive", "true");
        }
        if (!url.contains("options=")) {
            properties.setProperty("options", SESSION_OPTIONS);
        }
        try {
            Connection connection = new Driver().connect(url, properties);
            if (connection == null) {
                throw new StoreException(StoreException.Reason.IO, "store location '" + location
                        + "' is not a PostgreSQL address: write jdbc:postgresql://host:port/database");
            }
            return connection;
        } catch (SQLException e) {
            throw cannotConnect(e);
        }
    }

    private StoreException cannotConnect(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why;
        if (state.startsWith("28")) {
            why = "the database refused the login of user '" + user + "' (" + e.getMessage()
                    + "): check the password (the CLI: $RETRO_GATE_STORE_PASSWORD or --store-password-file;"
                    + " Jenkins: the credentials chosen for the store)";
        } else if ("3D000".equals(state)) {
            why = "the database does not exist (" + e.getMessage() + "): create it first (CREATE DATABASE …)";
        } else if (state.startsWith("08")) {
            why = "the database cannot be reached (" + e.getMessage() + "): check host, port and network";
        } else {
            why = "connecting failed (" + e.getMessage() + ")";
        }
        return new StoreException(StoreException.Reason.IO, "store " + location + ": " + why, e);
    }

    /** A failure while talking to the database, as a {@link StoreException}. */
    StoreException failed(String doing, SQLException e) {
        return new StoreException(StoreException.Reason.IO, "store " + location + ": " + doing + " failed ("
                + e.getMessage().toLowerCase(Locale.ROOT).strip() + ")", e);
    }
}
