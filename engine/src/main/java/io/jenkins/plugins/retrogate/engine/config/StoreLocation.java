package io.jenkins.plugins.retrogate.engine.config;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalBackend;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalOptions;
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
 * {@code file:} URI is the journal in that directory; any other scheme is refused, naming what is
 * allowed.
 */
public final class StoreLocation {
    /** The field named in errors. */
    public static final String FIELD = "store location";
    /** The longest wait for a store held by another process that may be asked for. */
    public static final Duration MAX_LOCK_WAIT = JournalOptions.MAX_LOCK_WAIT;
    /**
     * A {@code file:} URI, or an address of another backend ({@code scheme://…}); anything else, a
     * colon in a directory name ({@code stores:prod}) or a drive letter ({@code C:\…}) included, is a path.
     */
    private static final Pattern SCHEME = Pattern.compile("^(?:([Ff][Ii][Ll][Ee]):|([A-Za-z][A-Za-z0-9+.-]+)://)");

    private final Path directory;

    private StoreLocation(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
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
        Matcher scheme = SCHEME.matcher(location);
        if (scheme.find()) {
            if (scheme.group(1) == null) {
                throw new InvalidInputException(FIELD, shown, "uses '" + scheme.group(2).toLowerCase(Locale.ROOT)
                        + ":', which no store backend reads: give a directory (or a file: URI) for the journal");
            }
            try {
                return of(Path.of(URI.create(location)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(FIELD, shown, "is not a usable file: URI (" + e.getMessage() + ")");
            }
        }
        try {
            return of(relativeTo.resolve(location));
        } catch (InvalidPathException e) {
            throw new InvalidInputException(FIELD, shown, "is not a valid directory path (" + e.getReason() + ")");
        }
    }

    /**
     * The backend keeping the store here.
     *
     * @param lockWait how long opening waits for another process that holds the store (zero: not at
     *                 all; at most {@link #MAX_LOCK_WAIT})
     */
    public StoreBackend backend(Duration lockWait) {
        return new JournalBackend(directory, JournalOptions.defaults().withLockWait(lockWait));
    }

    /** The local directory where the files that go with the store live (policy, tracker state): the journal's. */
    public Path localDirectory() {
        return directory;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreLocation that && directory.equals(that.directory);
    }

    @Override
    public int hashCode() {
        return directory.hashCode();
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
