package io.jenkins.plugins.retrogate.engine.config;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalBackend;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalOptions;
import io.jenkins.plugins.retrogate.engine.store.postgres.PostgresBackend;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a store is, as an administrator writes it (the CLI's {@code --home}, the plugin's store
 * location), and the {@link StoreBackend} that keeps it there. The one place that knows which
 * backends exist: both front-ends open stores only through here. A directory path or a
 * {@code file:} URI is the journal in that directory; {@code postgresql://host:port/database?user=…}
 * or {@code jdbc:postgresql://…} is a PostgreSQL database, whose password is never part of the
 * location (it would land in shell history and process lists) but given to {@link #backend(Duration, String)};
 * any other scheme is refused, naming what is allowed.
 */
public final class StoreLocation {
    /** The field named in errors. */
    public static final String FIELD = "store location";
    /** The longest wait for a store held by another process that may be asked for. */
    public static final Duration MAX_LOCK_WAIT = JournalOptions.MAX_LOCK_WAIT;
    /** What a password in a database address is told. */
    static final String PASSWORD_ELSEWHERE = "holds a password, which would land in shell history and process"
            + " lists: leave it out of the address and give it in $RETRO_GATE_STORE_PASSWORD or a file named by"
            + " --store-password-file (the CLI)";
    /**
     * The syntax {@link #parse} reads addresses by, compiled on its first use: a run given a directory
     * (the CLI's --home) never compiles it, which saves ~5 ms of start-up.
     */
    private static final class Syntax {
        /**
         * A {@code file:} URI, or an address of another backend ({@code scheme://…}); anything else, a
         * colon in a directory name ({@code stores:prod}) or a drive letter ({@code C:\…}) included, is a path.
         */
        static final Pattern SCHEME = Pattern.compile("^(?:([Ff][Ii][Ll][Ee]):|([A-Za-z][A-Za-z0-9+.-]+)://)");

        static final Pattern POSTGRES = Pattern.compile("^(?:jdbc:)?postgres(?:ql)?://([^/?#]*)(.*)$",
                Pattern.CASE_INSENSITIVE);
        /** User info before the last {@code @} that a host and a database path follow: a password may hold / ? # @. */
        static final Pattern USER_INFO = Pattern.compile("^((?:jdbc:)?postgres(?:ql)?://)(.*)@([^@/?#]+/[^@]*)$",
                Pattern.CASE_INSENSITIVE);
        /** Text that means a database, whatever follows: never read as a directory name. */
        static final Pattern DATABASE_LIKE = Pattern.compile("^(?:jdbc:|postgres(?:ql)?:)", Pattern.CASE_INSENSITIVE);
        static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(?:^|[?&])password=");
        /** Retro Gate names its sessions itself: repair counts the other sessions by that name. */
        static final Pattern APPLICATION_NAME = Pattern.compile("(?i)(?:^|[?&])ApplicationName=");

        private Syntax() {
        }
    }

    private final Path directory;
    /** The JDBC address of a PostgreSQL store, without credentials; {@code null} for a journal. */
    private final String jdbcUrl;
    private final String user;

    private StoreLocation(Path directory) {
        this(directory, null, null);
    }

    private StoreLocation(Path directory, String jdbcUrl, String user) {
        this.directory = directory.toAbsolutePath().normalize();
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    /** The journal in {@code directory}. */
    public static StoreLocation of(Path directory) {
        return new StoreLocation(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Reads a location as written; a relative path is taken from {@code relativeTo}.
     *
     * @throws InvalidInputException when it is blank, not a valid path, or names a backend that does
     *                               not exist; nothing is opened or created
     */
    public static StoreLocation parse(String location, Path relativeTo) {
        if (location == null || location.isBlank()) {
            throw new InvalidInputException(FIELD, "", "is empty: give the store's directory");
        }
        String shown = location.replace("\0", "\\0");
        String stripped = location.strip();
        if (stripped.indexOf(':') < 0) {
            return directory(location, shown, relativeTo);   // no scheme, no address: each needs a ':'
        }
        Matcher userInfo = Syntax.USER_INFO.matcher(stripped);
        if (userInfo.matches() && userInfo.group(2).contains(":")) {
            throw passwordInAddress(userInfo.group(1), userInfo.group(2));
        }
        Matcher postgres = Syntax.POSTGRES.matcher(stripped);
        if (postgres.matches()) {
            return postgres(postgres.group(1), postgres.group(2), shown, relativeTo);
        }
        if (Syntax.DATABASE_LIKE.matcher(stripped).find()) { // never a local journal by mistake: a gate there would see nothing
            throw new InvalidInputException(FIELD, stripped.contains(":") && stripped.contains("@")
                    ? stripped.substring(0, stripped.indexOf(':') + 1) + "…" : shown,
                    "is not an address any store backend reads: write postgresql://host:port/database?user=NAME or"
                            + " jdbc:postgresql://host:port/database?user=NAME");
        }
        Matcher scheme = Syntax.SCHEME.matcher(location);
        if (scheme.find()) {
            if (scheme.group(1) == null) {
                throw new InvalidInputException(FIELD, shown, "uses '" + scheme.group(2).toLowerCase(Locale.ROOT)
                        + ":', which no store backend reads: give a directory (or a file: URI) for the journal,"
                        + " or postgresql://host:port/database?user=NAME for a PostgreSQL database");
            }
            try {
                return of(Path.of(URI.create(location)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(FIELD, shown, "is not a usable file: URI (" + e.getMessage() + ")");
            }
        }
        return directory(location, shown, relativeTo);
    }

    private static StoreLocation directory(String location, String shown, Path relativeTo) {
        try {
            return of(relativeTo.resolve(location));
        } catch (InvalidPathException e) {
            throw new InvalidInputException(FIELD, shown, "is not a valid directory path (" + e.getReason() + ")");
        }
    }

    /**
     * A PostgreSQL address: the user may be given as {@code user@host} or {@code ?user=}; a password
     * either way is refused, shown masked.
     */
    private static StoreLocation postgres(String authority, String rest, String shown, Path relativeTo) {
        String user = null;
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            user = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            if (user.contains(":")) {
                throw passwordInAddress(shown.substring(0, shown.indexOf("//") + 2), user);
            }
        }
        int query = rest.indexOf('?');
        if (query >= 0 && Syntax.PASSWORD_PARAMETER.matcher(rest.substring(query)).find()) {
            throw new InvalidInputException(FIELD, shown.replaceAll("(?i)(password=).*$", "$1***"), // to the end: & may be in it
                    PASSWORD_ELSEWHERE);
        }
        if (query >= 0 && Syntax.APPLICATION_NAME.matcher(rest.substring(query)).find()) {
            throw new InvalidInputException(FIELD, shown, "sets ApplicationName, which Retro Gate sets itself (repair"
                    + " finds the other Retro Gate sessions by it): leave it out");
        }
        String path = query < 0 ? rest : rest.substring(0, query);
        if (hostPort.isEmpty() || path.length() < 2 || !path.startsWith("/")) {
            throw new InvalidInputException(FIELD, shown, "is not a complete PostgreSQL address: write"
                    + " postgresql://host:port/database?user=NAME");
        }
        String url = "jdbc:postgresql://" + hostPort + rest;
        return new StoreLocation(relativeTo, url, user);
    }

    /** A password given as {@code user:password@}: shown as {@code scheme//user:***@…}, nothing after it. */
    private static InvalidInputException passwordInAddress(String scheme, String userInfo) {
        return new InvalidInputException(FIELD, scheme + userInfo.substring(0, userInfo.indexOf(':')) + ":***@…",
                PASSWORD_ELSEWHERE);
    }

    /** Whether the store is a database, which takes a password ({@link #backend(Duration, String)}). */
    public boolean isDatabase() {
        return jdbcUrl != null;
    }

    /**
     * The backend keeping the store here.
     *
     * @param lockWait how long opening waits for another process that holds the store (zero: not at
     *                 all; at most {@link #MAX_LOCK_WAIT}); a database needs no lock, so it ignores it
     */
    public StoreBackend backend(Duration lockWait) {
        return backend(lockWait, null);
    }

    /**
     * The backend keeping the store here, logging in to a database with {@code password} ({@code null}:
     * none); a journal has no password and ignores it.
     */
    public StoreBackend backend(Duration lockWait, String password) {
        return backend(lockWait, null, password);
    }

    /**
     * The backend keeping the store here, logging in to a database as {@code user} ({@code null}: the
     * address's) with {@code password}, as Jenkins does from its credentials; a journal ignores both.
     */
    public StoreBackend backend(Duration lockWait, String user, String password) {
        if (jdbcUrl != null) {
            return new PostgresBackend(jdbcUrl, user != null ? user : this.user, password);
        }
        return new JournalBackend(directory, JournalOptions.defaults().withLockWait(lockWait));
    }

    /**
     * The local directory where the files that go with the store live (policy, tracker state): the
     * journal's; for a database, the directory the location was read relative to (the CLI's home).
     */
    public Path localDirectory() {
        return directory;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreLocation that && directory.equals(that.directory)
                && Objects.equals(jdbcUrl, that.jdbcUrl) && Objects.equals(user, that.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(directory, jdbcUrl, user);
    }

    /** The directory, or the database's address (never a password). */
    @Override
    public String toString() {
        return jdbcUrl != null ? backend(Duration.ZERO).location() : directory.toString();
    }
}
