package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.HashChain;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A store whose events are rows of one PostgreSQL table, shared by any number of processes. Each
 * process folds the rows into its own in-memory state. A command runs on the latest state (the
 * process first reads the rows others added) and its events are inserted with the next sequence
 * numbers in one transaction; the sequence is the primary key, so when another process got there
 * first the insert fails, and the store reads the new rows and runs the command again: no update is
 * lost and no decision is made on stale state. Other processes' events reach the state through
 * LISTEN/NOTIFY, with a periodic poll as a safety net ({@link Follower}).
 *
 * <p>A commit whose outcome is unknown (the connection broke during COMMIT) is resolved by asking the
 * database what became of the transaction ({@code txid_status}); when that cannot be asked, the
 * caller gets a {@link StoreException} saying so, never a guess.
 */
public final class PostgresStore implements Store {
    /** The channel writers notify and followers listen on. */
    static final String CHANNEL = "retro_gate_events";
    private static final System.Logger LOG = System.getLogger(PostgresStore.class.getName());
    private static final int MAX_ATTEMPTS = 1_000;
    private static final int PAGE = 5_000;
    /** The most commands recorded in one transaction. */
    private static final int MAX_BATCH = 256;

    private final PgConnections db;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private final HashChain chain = new HashChain();
    private final Follower follower;
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private final List<Runnable> othersEventsListeners = new CopyOnWriteArrayList<>();
    /** Guarded by {@link #lock}. */
    private Connection connection;
    /** The hash of the last folded row; guarded by {@link #lock}. */
    private String lastHash = HashChain.GENESIS;
    private volatile RetroState state = RetroState.empty();
    private volatile boolean closed;
    /** Test hook: runs just before COMMIT, on the connection about to commit. */
    private volatile CommitHook commitHook = (connection, phase) -> { };

    /** What tests use to break a connection around COMMIT. */
    interface CommitHook {
        /** {@code phase}: "before" or "after" the COMMIT statement. */
        void at(Connection connection, String phase) throws SQLException;
    }

    private PostgresStore(PgConnections db, boolean readOnly) {
        this.db = db;
        this.readOnly = readOnly;
        this.follower = new Follower(db, this::catchUpQuietly);
    }

    /**
     * Opens the store, creating or migrating its tables unless {@code readOnly}, and folds every row.
     *
     * @throws StoreException when the database cannot be reached, its schema is newer, or a row does not verify
     */
    static PostgresStore open(PgConnections db, boolean readOnly) {
        PostgresStore store = new PostgresStore(db, readOnly);
        store.lock.lock();
        try {
            Connection connection = store.connection();
            if (readOnly) {
                if (!Schema.exists(connection)) {
                    throw new StoreException(StoreException.Reason.IO, "store " + db.location()
                            + ": no Retro Gate store is in this database yet (open it to write once to create it)");
                }
                Schema.version(connection, db.location());
            } else {
                Schema.migrate(connection, db.location());
            }
            store.catchUp(connection);
        } catch (SQLException e) {
            store.closeQuietly();
            throw db.failed("opening the store", e);
        } catch (RuntimeException e) {
            store.closeQuietly();
            throw e;
        } finally {
            store.lock.unlock();
        }
        store.follower.start();
        return store;
    }

    void commitHook(CommitHook hook) {
        this.commitHook = hook;
    }

    @Override
    public RetroState state() {
        return state;
    }

    @Override
    public <R> R execute(Function<RetroState, Change<R>> command) {
        Pending<R> mine = new Pending<>(command);
        waiting.add(mine);
        lock.lock();
        try {
            while (!mine.done) { // a batch holds at most MAX_BATCH commands: run batches until this one has run
                runWaiting();
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /**
     * Runs every command waiting so far, in order, each on the state the one before left, and records
     * all their events in one transaction; when another process took those sequence numbers first, reads
     * its rows and runs them all again. A command that throws (or whose events the rules refuse) fails
     * alone. Called with {@link #lock} held.
     */
    private void runWaiting() {
        List<Pending<?>> batch = new ArrayList<>();
        Pending<?> next = waiting.poll();
        while (next != null) {
            batch.add(next);
            next = batch.size() < MAX_BATCH ? waiting.poll() : null;
        }
        try {
            if (closed) {
                throw new IllegalStateException("the store " + db.location() + " is closed");
            }
            if (readOnly) {
                throw new IllegalStateException("the store " + db.location() + " is open to read only");
            }
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                try {
                    catchUp(connection());
                } catch (SQLException e) {
                    dropConnection();
                    throw db.failed("reading the latest events (nothing was recorded)", e);
                }
                RetroState after = state;
                List<Event> events = new ArrayList<>();
                for (Pending<?> pending : batch) {
                    after = pending.run(after, events);
                }
                if (events.isEmpty()) {
                    return;
                }
                List<EventRow> rows = rows(state.sequence(), events);
                if (insert(rows)) {
                    state = after;
                    lastHash = rows.get(rows.size() - 1).hash();
                    return;
                }
                LOG.log(Level.DEBUG, "sequence {0} was taken by another process; running {1} command(s) again",
                        rows.get(0).seq(), batch.size());
            }
            throw new StoreException(StoreException.Reason.IO, "store " + db.location() + ": the command lost "
                    + MAX_ATTEMPTS + " races for the next sequence number in a row; nothing was recorded");
        } catch (RuntimeException | Error e) { // never report success for a batch that was not recorded
            for (Pending<?> pending : batch) {
                pending.fail(e);
            }
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            for (Pending<?> pending : batch) {
                pending.done = true;
            }
        }
    }

    /** A command waiting to run, on its caller's thread or on whichever caller holds the lock. */
    private static final class Pending<R> {
        final Function<RetroState, Change<R>> command;
        R result;
        /** What the command threw (a RuntimeException or an Error), or why it could not be recorded. */
        Throwable failure;
        /** Set under the lock, after the fields above. */
        volatile boolean done;

        Pending(Function<RetroState, Change<R>> command) {
            this.command = command;
        }

        /** Runs the command on {@code state}; adds its events to {@code events}; returns the state after them. */
        RetroState run(RetroState state, List<Event> events) {
            failure = null;
            try {
                Change<R> change = command.apply(state);
                RetroState next = state;
                for (Event event : change.events()) {
                    next = next.apply(next.sequence() + 1, event);
                }
                result = change.result();
                events.addAll(change.events());
                return next;
            } catch (RuntimeException | Error e) {
                failure = e;
                return state;
            }
        }

        /** Fails the command, unless it failed by itself already. */
        void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
        }

        R outcome() {
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            return result;
        }
    }

    private List<EventRow> rows(long after, List<Event> events) {
        List<EventRow> rows = new ArrayList<>(events.size());
        String prev = lastHash;
        long seq = after;
        for (Event event : events) {
            EventRow row = EventRow.of(chain, ++seq, prev, event);
            rows.add(row);
            prev = row.hash();
        }
        return rows;
    }

    /**
     * Inserts {@code rows} in one transaction: {@code true} once they are committed, {@code false} when
     * another process took their sequence numbers (nothing recorded).
     *
     * @throws StoreException when the database fails, saying whether the rows were recorded
     */
    private boolean insert(List<EventRow> rows) {
        Connection c;
        long transaction;
        try {
            c = connection();
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement();
                    ResultSet id = statement.executeQuery("SELECT txid_current()")) {
                id.next();
                transaction = id.getLong(1);
            }
            try (PreparedStatement insert = c.prepareStatement(EventRow.INSERT)) {
                for (EventRow row : rows) {
                    row.addTo(insert);
                }
                insert.executeBatch();
            }
            try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, Long.toString(rows.get(rows.size() - 1).seq()));
                notify.execute();
            }
        } catch (SQLException e) {
            boolean conflict = isUniqueViolation(e);
            rollbackQuietly();
            if (conflict) {
                return false;
            }
            dropConnection();
            throw db.failed("recording sequence " + rows.get(0).seq() + " (nothing was recorded)", e);
        }
        try {
            commitHook.at(c, "before");
            c.commit();
            commitHook.at(c, "after");
            c.setAutoCommit(true);
            return true;
        } catch (SQLException e) {
            dropConnection();
            return Outcome.resolve(db, transaction, rows.get(rows.size() - 1), e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Folds the rows other processes added since the last one folded. Call with {@link #lock} held. */
    private void catchUp(Connection c) throws SQLException {
        while (true) {
            RetroState folded = state;
            List<EventRow> rows = EventRow.read(c, folded.sequence() + 1, Long.MAX_VALUE, PAGE);
            if (rows.isEmpty()) {
                return;
            }
            RetroState next = folded;
            String prev = lastHash;
            for (EventRow row : rows) {
                Problem problem = row.problem(chain, next.sequence() + 1, prev);
                if (problem != null) {
                    throw new StoreException(problem.kind() == Problem.Kind.UNSUPPORTED_FORMAT
                            ? StoreException.Reason.UNSUPPORTED_FORMAT : StoreException.Reason.CORRUPTED,
                            "store " + db.location() + ": " + problem + ". The store will not be used until this"
                                    + " is resolved: run 'verify' to see everything, 'repair' to cut the damage.");
                }
                try {
                    next = next.apply(row.seq(), row.event());
                } catch (RuntimeException e) {
                    throw new StoreException(StoreException.Reason.CORRUPTED, "store " + db.location()
                            + ": the event in row " + row.seq() + " does not fit the state before it ("
                            + e.getMessage() + ")", e);
                }
                prev = row.hash();
            }
            state = next;
            lastHash = prev;
        }
    }

    /** The follower's catch-up: under the lock, on the follower's own connection. */
    private void catchUpQuietly(Connection c) throws SQLException {
        long before;
        long after;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            before = state.sequence();
            catchUp(c);
            after = state.sequence();
        } finally {
            lock.unlock();
        }
        if (after != before) { // told outside the lock: a listener may read the state or run a command
            for (Runnable listener : othersEventsListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a listener for new events failed: {0}", e.toString());
                }
            }
        }
    }

    @Override
    public void onOthersEvents(Runnable listener) {
        othersEventsListeners.add(listener);
    }

    @Override
    public List<RecordedEvent> events(long fromSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store " + db.location() + " is closed");
            }
            List<RecordedEvent> events = new ArrayList<>();
            for (EventRow row : EventRow.read(connection(), Math.max(1, fromSequence), state.sequence(), limit)) {
                events.add(new RecordedEvent(row.seq(), row.event()));
            }
            return events;
        } catch (SQLException e) {
            dropConnection();
            throw db.failed("reading events", e);
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = db.connect();
        }
        return connection;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            dropConnection();
        }
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing a broken connection: {0}", e.getMessage());
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        follower.stop();
        lock.lock();
        try {
            closed = true;
            dropConnection();
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        closed = true;
        dropConnection();
    }
}
