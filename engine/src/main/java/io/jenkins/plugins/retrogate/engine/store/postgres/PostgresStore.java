package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.HashChain;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.snapshot.HistoryUnreadableException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A store whose events are rows of one PostgreSQL table, shared by any number of processes. Each
 * process folds the rows into its own in-memory state. A command runs on the latest state (the
 * process first reads the rows others added) and its events are inserted with the next sequence
 * numbers in one transaction. Writers take turns: each transaction first takes a transaction-scoped
 * advisory lock ({@link #WRITE_LOCK}), then reads the rows added before it, runs the waiting commands
 * and inserts their events, so no work is thrown away in a race. The sequence is the primary key all
 * the same: should a writer that does not take the lock get there first, the insert fails, and the
 * store reads the new rows and runs the command again. No update is lost and no decision is made on
 * stale state. Other processes' events reach the state through
 * LISTEN/NOTIFY, with a periodic poll as a safety net ({@link Follower}). A new process starts from
 * the newest snapshot in the database that checks out ({@link PgSnapshots}) and folds only the rows
 * after it; a writing process adds one every {@link PostgresOptions#snapshotEvery()} events
 * ({@link Snapshotter}).
 *
 * <p>A commit whose outcome is unknown (the connection broke during COMMIT) is resolved by asking the
 * database what became of the transaction ({@code txid_status}); when that cannot be asked, the
 * caller gets a {@link StoreException} saying so, never a guess.
 */
public final class PostgresStore implements Store {
    /** The channel writers notify and followers listen on. */
    static final String CHANNEL = "retro_gate_events";
    /** The advisory lock writers take in turn for the length of one transaction ("RetroGaW"). */
    static final long WRITE_LOCK = 0x5265_7472_6f47_6157L;
    private static final System.Logger LOG = System.getLogger(PostgresStore.class.getName());
    private static final int MAX_ATTEMPTS = 1_000;
    private static final int PAGE = 5_000;
    /** The most commands recorded in one transaction. */
    private static final int MAX_BATCH = 256;
    /** How long a caller waits before it looks again whether its command is done or the lock is free. */
    private static final long WAIT_NANOS = 50_000_000;

    private final PgConnections db;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private final HashChain chain = new HashChain();
    private final Follower follower;
    private final Snapshotter snapshotter;
    /** The sequence of the snapshot this store started from, 0 when it folded every row. */
    private final long startedFrom;
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

    private PostgresStore(PgConnections db, PostgresOptions options, boolean readOnly, long newestSnapshot) {
        this.db = db;
        this.readOnly = readOnly;
        this.follower = new Follower(db, this::catchUpQuietly, () -> state.sequence());
        this.snapshotter = new Snapshotter(db, options, newestSnapshot);
        this.startedFrom = newestSnapshot;
    }

    /** The sequence of the snapshot this store started from, 0 when it folded every row. */
    long startedFrom() {
        return startedFrom;
    }

    /**
     * Opens the store, creating or migrating its tables unless {@code readOnly}, loads the newest
     * snapshot that checks out and folds every row after it.
     *
     * @throws StoreException when the database cannot be reached, its schema is newer, or a row does not verify
     */
    static PostgresStore open(PgConnections db, PostgresOptions options, boolean readOnly) {
        return open(db, options, readOnly, Long.MAX_VALUE);
    }

    /** The same, from the newest snapshot below sequence {@code below}. */
    private static PostgresStore open(PgConnections db, PostgresOptions options, boolean readOnly, long below) {
        Connection connection = db.connect();
        PgSnapshots.Loaded base;
        try {
            base = prepare(connection, db, readOnly, below);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw db.failed("opening the store", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        PostgresStore store = new PostgresStore(db, options, readOnly, base == null ? 0 : base.state().sequence());
        store.lock.lock();
        try {
            store.connection = connection;
            if (base != null) {
                store.state = base.state();
                store.lastHash = base.hash();
            }
            store.catchUp(connection);
        } catch (HistoryUnreadableException e) { // the snapshot's fault, not the rows': without it
            store.closeQuietly();
            LOG.log(Level.WARNING, "store {0}: ignoring the snapshot at sequence {1} in table {2} ({3}); the events"
                    + " are folded from an older snapshot or from the first. Run ''verify'' for a report.",
                    db.location(), store.startedFrom(), PgSnapshots.TABLE, e.getMessage());
            return open(db, options, readOnly, store.startedFrom());
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

    /** Checks (and unless {@code readOnly} creates or migrates) the schema; the newest good snapshot or {@code null}. */
    private static PgSnapshots.Loaded prepare(Connection connection, PgConnections db, boolean readOnly, long below)
            throws SQLException {
        if (readOnly) {
            if (!Schema.exists(connection)) {
                throw new StoreException(StoreException.Reason.IO, "store " + db.location()
                        + ": no Retro Gate store is in this database yet (open it to write once to create it)");
            }
            Schema.version(connection, db.location());
        } else {
            Schema.migrate(connection, db.location());
        }
        return PgSnapshots.newest(connection, db, below);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "closing a connection that failed to open the store: {0}", e.getMessage());
        }
    }

    void commitHook(CommitHook hook) {
        this.commitHook = hook;
    }

    @Override
    public RetroState state() {
        return state;
    }

    @Override
    public String trouble() {
        return closed ? null : follower.trouble();
    }

    @Override
    public <R> R execute(Function<RetroState, Change<R>> command) {
        Pending<R> mine = new Pending<>(command, Thread.currentThread());
        waiting.add(mine);
        // Whoever gets the lock records every command waiting; the others wait for their own to be done
        // (woken by the one who recorded it), not for the lock: a caller whose command is done returns at
        // once and its next command joins the next transaction instead of queueing for a turn of its own.
        while (!mine.done) {
            if (lock.tryLock()) {
                try {
                    while (!mine.done) { // a batch holds at most MAX_BATCH commands: run batches until this one has run
                        runWaiting();
                    }
                } finally {
                    unlock();
                }
            } else {
                LockSupport.parkNanos(this, WAIT_NANOS);
            }
        }
        return mine.outcome();
    }

    /**
     * Gives the lock back and wakes the caller of the oldest command still waiting (it came in while the
     * lock was held, by a command or the follower): that caller takes the lock and records what waits.
     */
    private void unlock() {
        lock.unlock();
        Pending<?> next = waiting.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /**
     * Runs every command waiting so far, in order, each on the state the one before left, and records
     * all their events in one transaction; when another process took those sequence numbers first, reads
     * its rows and runs them all again. A command that throws (or whose events the rules refuse) fails
     * alone. Called with {@link #lock} held.
     */
    private void runWaiting() {
        List<Pending<?>> batch = new ArrayList<>();
        try {
            if (closed) {
                throw new IllegalStateException("the store " + db.location() + " is closed");
            }
            if (readOnly) {
                throw new IllegalStateException("the store " + db.location() + " is open to read only");
            }
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                long transaction = beginWriting();
                // Taken once the turn is ours: what came in while other processes held it joins this transaction.
                drain(batch);
                RetroState after = state;
                List<Event> events = new ArrayList<>();
                try {
                    for (Pending<?> pending : batch) {
                        after = pending.run(after, events);
                    }
                } catch (RuntimeException | Error e) {
                    rollbackQuietly();
                    throw e;
                }
                if (events.isEmpty()) {
                    rollbackQuietly(); // nothing to record: only the turn is given back
                    return;
                }
                List<EventRow> rows = rows(state.sequence(), events);
                if (insert(rows, transaction)) {
                    state = after;
                    lastHash = rows.get(rows.size() - 1).hash();
                    snapshotter.committed(after, lastHash);
                    return;
                }
                LOG.log(Level.DEBUG, "sequence {0} was taken by another process; running {1} command(s) again",
                        rows.get(0).seq(), batch.size());
            }
            throw new StoreException(StoreException.Reason.IO, "store " + db.location() + ": the command lost "
                    + MAX_ATTEMPTS + " races for the next sequence number in a row; nothing was recorded");
        } catch (RuntimeException | Error e) { // never report success for a batch that was not recorded
            if (batch.isEmpty()) { // it failed before the batch was taken: the commands that wait fail with it
                drain(batch);
            }
            for (Pending<?> pending : batch) {
                pending.fail(e);
            }
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            for (Pending<?> pending : batch) {
                pending.done = true;
                LockSupport.unpark(pending.caller);
            }
        }
    }

    /** Moves waiting commands to {@code batch}, in order, until it holds {@link #MAX_BATCH}. */
    private void drain(List<Pending<?>> batch) {
        while (batch.size() < MAX_BATCH) {
            Pending<?> next = waiting.poll();
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /** A command waiting to run, on its caller's thread or on whichever caller holds the lock. */
    private static final class Pending<R> {
        final Function<RetroState, Change<R>> command;
        /** The thread waiting for this command, woken when it is done. */
        final Thread caller;
        R result;
        /** What the command threw (a RuntimeException or an Error), or why it could not be recorded. */
        Throwable failure;
        /** Set under the lock, after the fields above. */
        volatile boolean done;

        Pending(Function<RetroState, Change<R>> command, Thread caller) {
            this.command = command;
            this.caller = caller;
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
     * Inserts {@code rows} and commits, in one round trip (the insert, the notification and the
     * {@code COMMIT} sent together): {@code true} once they are committed, {@code false} when another
     * process took their sequence numbers (nothing recorded). When the connection fails on the way, the
     * rows may or may not be in: the database is asked ({@link Outcome}), never guessed.
     *
     * @throws StoreException when the database fails, saying whether the rows were recorded
     */
    private boolean insert(List<EventRow> rows, long transaction) {
        Connection c = commandConnection();
        try {
            commitHook.at(c, "before");
            try (PreparedStatement insert = c.prepareStatement(EventRow.INSERT_NOTIFY_AND_COMMIT)) {
                EventRow.bind(insert, rows, CHANNEL);
                insert.execute();
            }
            commitHook.at(c, "after");
            c.setAutoCommit(true); // the transaction is over: nothing is left to commit
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                rollbackQuietly();
                return false;
            }
            if (refusedByTheServer(e)) { // an answer: the COMMIT after the failed statement did not run
                rollbackQuietly();
                throw db.failed("recording sequence " + rows.get(0).seq() + " (nothing was recorded)", e);
            }
            dropConnection();
            return Outcome.resolve(db, transaction, rows.get(rows.size() - 1), e);
        }
    }

    /**
     * Whether the database answered {@code e} as an error of the statement (the transaction is then
     * rolled back, nothing of it recorded), rather than the connection failing or the server going away,
     * after which the commit may have happened.
     */
    private static boolean refusedByTheServer(SQLException e) {
        String state = e.getSQLState();
        return e instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                && state != null && !state.startsWith("08") && !state.startsWith("57P");
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
        List<EventRow> rows;
        do {
            rows = EventRow.read(c, state.sequence() + 1, Long.MAX_VALUE, PAGE);
            fold(rows);
        } while (rows.size() == PAGE); // a short page is the end: no round trip to learn that nothing follows
    }

    /**
     * Folds {@code rows}, read after the last row folded, each checked against the chain and decoded once.
     * Call with {@link #lock} held.
     */
    private void fold(List<EventRow> rows) {
        RetroState next = state;
        String prev = lastHash;
        for (EventRow row : rows) {
            EventRow.Checked checked = row.check(chain, next.sequence() + 1, prev);
            Problem problem = checked.problem();
            if (problem != null) {
                throw new StoreException(problem.kind() == Problem.Kind.UNSUPPORTED_FORMAT
                        ? StoreException.Reason.UNSUPPORTED_FORMAT : StoreException.Reason.CORRUPTED,
                        "store " + db.location() + ": " + problem + ". The store will not be used until this"
                                + " is resolved: run 'verify' to see everything, 'repair' to cut the damage.");
            }
            try {
                next = next.apply(row.seq(), checked.event());
            } catch (HistoryUnreadableException e) {
                throw e; // the snapshot's fault, not the row's: opening starts again without it
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

    /**
     * Opens the write transaction: takes the writers' turn ({@link #WRITE_LOCK}) and folds what other
     * processes recorded before it, so the commands run on the latest state; returns the transaction's
     * id (to ask the database about a commit whose outcome is unknown). The connection kept from an
     * earlier command may have been cut while it sat idle (the server restarted, an administrator ended
     * the session): that shows here, before anything is written, so it is tried once more on a new
     * connection — the first command after a restart does not fail for a connection that died unused.
     * Call with {@link #lock} held; on success the transaction is open, on failure nothing is.
     */
    private long beginWriting() {
        boolean kept = connection != null;
        SQLException failure = null;
        for (int tries = kept ? 2 : 1; tries > 0; tries--) {
            try {
                Connection c = commandConnection();
                c.setAutoCommit(false);
                long[] transaction = new long[1];
                List<EventRow> rows = EventRow.lockAndRead(c, WRITE_LOCK, state.sequence() + 1, PAGE, transaction);
                fold(rows);
                if (rows.size() == PAGE) {
                    catchUp(c);
                }
                return transaction[0];
            } catch (SQLException e) {
                dropConnection();
                failure = e;
            } catch (RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        }
        throw db.failed("reading the latest events (nothing was recorded)", failure);
    }

    /** {@link #connection()}, for a command: a failure to connect says that nothing was recorded. */
    private Connection commandConnection() {
        try {
            return connection();
        } catch (StoreException e) {
            throw new StoreException(e.reason(), e.getMessage() + "; nothing was recorded", e);
        }
    }

    /**
     * The follower's catch-up, on the follower's own connection. The rows are read outside the lock, so
     * that this process's commands do not wait for that round trip; only folding them takes the lock, and
     * rows a command of this process folded meanwhile (it read them in its own transaction) are skipped.
     */
    private void catchUpQuietly(Connection c) throws SQLException {
        boolean folded = false;
        List<EventRow> rows;
        do {
            rows = EventRow.read(c, state.sequence() + 1, Long.MAX_VALUE, PAGE);
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                long last = state.sequence();
                int fresh = 0;
                while (fresh < rows.size() && rows.get(fresh).seq() <= last) {
                    fresh++;
                }
                if (fresh < rows.size()) {
                    fold(rows.subList(fresh, rows.size()));
                    folded = true;
                }
            } finally {
                unlock();
            }
        } while (rows.size() == PAGE);
        if (folded) { // told outside the lock: a listener may read the state or run a command
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
            // a connection kept from earlier may have been cut while idle: a read is tried once more on a new one
            SQLException failure = null;
            for (int tries = connection != null ? 2 : 1; tries > 0; tries--) {
                try {
                    List<RecordedEvent> events = new ArrayList<>();
                    for (EventRow row : EventRow.read(connection(), Math.max(1, fromSequence), state.sequence(),
                            limit)) {
                        events.add(new RecordedEvent(row.seq(), row.event()));
                    }
                    return events;
                } catch (SQLException e) {
                    dropConnection();
                    failure = e;
                }
            }
            throw db.failed("reading events", failure);
        } finally {
            unlock();
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = db.connect();
        }
        return connection;
    }

    private void rollbackQuietly() {
        if (connection == null) {
            return;
        }
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

    /** Writes a snapshot of the current state now, on this thread (tests, benchmarks); whether a row was inserted. */
    boolean snapshot() {
        RetroState current;
        String hash;
        lock.lock();
        try {
            current = state;
            hash = lastHash;
        } finally {
            unlock();
        }
        if (readOnly) {
            throw new IllegalStateException("the store " + db.location() + " is open to read only: it writes no snapshot");
        }
        try {
            return snapshotter.write(current, hash, true);
        } catch (SQLException e) {
            throw db.failed("writing a snapshot", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "store " + db.location() + ": writing a snapshot failed ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        follower.stop();
        snapshotter.close();
        lock.lock();
        try {
            closed = true;
            dropConnection();
        } finally {
            unlock();
        }
    }

    private void closeQuietly() {
        closed = true;
        dropConnection();
    }
}
