package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import io.jenkins.plugins.retrogate.engine.store.journal.CommandQueue.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The embedded store: an append-only journal of JSON lines in a directory, with snapshots for a
 * fast start. See {@code docs/storage.md} for the format.
 * <ul>
 * <li>Commands run one at a time under a lock, against the latest decided state; the thread holding
 * the lock runs every command queued meanwhile (flat combining), so concurrent writers do not hand
 * the lock to each other. Their records are buffered under that lock and written and forced to disk
 * outside it, one {@code fdatasync} for every writer that arrived meanwhile (group commit).</li>
 * <li>{@link #execute} returns only once its events are durable; only then does {@link #state()}
 * show them. Readers get an immutable state and never wait.</li>
 * <li>One process owns a directory at a time ({@code store.lock}).</li>
 * </ul>
 */
public final class JournalStore implements Store {

    private final Path dir;
    private final JournalOptions options;
    private final DirectoryLock lock;
    /** The command lock, taken by flat combining. */
    private final CommandQueue commands;
    private final RecordFormat format = new RecordFormat();
    private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final JournalWriter writer;
    private final ExecutorService snapshotter;
    private final AtomicBoolean snapshotQueued = new AtomicBoolean();
    private final Object snapshotMonitor = new Object();
    private final SegmentIndex index;
    private volatile RetroState published;
    private volatile long snapshotSeq;
    /** The last sequence when the store was opened: a session that recorded nothing writes no snapshot on close. */
    private final long sequenceAtOpen;
    private volatile boolean closed;
    /** The state after the last written (not necessarily durable) record; command lock only. */
    private RetroState decided;
    private String lastHash;
    /** Hash and place of the last record of each recent write, for snapshots of the published state. */
    private final ConcurrentSkipListMap<Long, Mark> recentMarks = new ConcurrentSkipListMap<>();

    /** A record's hash and where its line is: the first sequence of its segment and its offset there. */
    record Mark(String hash, long segment, long offset) {
    }

    private JournalStore(Path dir, JournalOptions options, DirectoryLock lock, Recovery.Recovered recovered)
            throws IOException {
        this.dir = dir;
        this.options = options;
        this.lock = lock;
        for (JournalFiles.Numbered segment : recovered.segments()) {
            segments.put(segment.seq(), segment.path());
        }
        this.published = recovered.state();
        this.decided = recovered.state();
        this.lastHash = recovered.last().hash();
        this.snapshotSeq = recovered.snapshotSeq();
        this.sequenceAtOpen = recovered.state().sequence();
        this.recentMarks.put(recovered.state().sequence(), recovered.last());
        this.index = new SegmentIndex(segments);
        this.writer = options.readOnly() ? null : new JournalWriter(dir, options.segmentBytes(), segments,
                recovered.last().segment(), recovered.endOffset(), recovered.state(), this::publish);
        this.commands = new CommandQueue(this::run, writer);
        this.snapshotter = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "retro-gate-snapshot " + dir.getFileName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens (creating if needed) the store in {@code directory} with the default options. */
    public static JournalStore open(Path directory) {
        return open(directory, JournalOptions.defaults());
    }

    /**
     * Opens (creating if needed, unless read-only) the store in {@code directory}: takes its lock
     * (waiting up to {@link JournalOptions#lockWait()} for another process), loads the newest snapshot
     * and replays the journal after it. A torn last record (a write that never finished) is left out,
     * with a warning, and cut by the next write: opening changes no file.
     *
     * @throws StoreException LOCKED when another process still holds it, CORRUPTED when a record fails
     *                        its checks (nothing is changed then), UNSUPPORTED_FORMAT, or IO
     */
    public static JournalStore open(Path directory, JournalOptions options) {
        Objects.requireNonNull(options, "options");
        Path dir = directory.toAbsolutePath().normalize();
        if (options.readOnly() && !Files.isDirectory(dir)) {
            throw new StoreException(StoreException.Reason.IO, "there is no store directory " + dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot create the store directory " + dir + ": " + e, e);
        }
        // another process's turn is used to load what this one's will need, so that its own turn is short
        DirectoryLock lock = DirectoryLock.acquire(dir, options.lockWait(), options.readOnly(), JournalStore::prepare);
        try {
            return new JournalStore(dir, options, lock, Recovery.recover(dir, options.readOnly(), options.historyOnDemand()));
        } catch (IOException e) {
            lock.close();
            throw new StoreException(StoreException.Reason.IO, "cannot open the store " + dir + ": " + e, e);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    /** Opens the store in {@code dir} under a lock the caller already holds (repair); closing releases it. */
    static JournalStore openLocked(Path dir, JournalOptions options, DirectoryLock lock) {
        try {
            return new JournalStore(dir, options, lock, Recovery.recover(dir));
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot open the store " + dir + ": " + e, e);
        }
    }

    /**
     * Loads and warms up, without touching any store, what opening one needs (the event codecs, the
     * record format, the state's fold). {@link #open} does it while another process holds the store, so
     * that this one's turn under the lock is short (the CLI with many pipelines at once); a process that
     * finds the store free does not pay for warming codecs it may not use (a gate that records nothing).
     */
    public static void prepare() {
        Event sample = new io.jenkins.plugins.retrogate.engine.event.IncidentOpened(java.time.Instant.EPOCH, "prepare",
                "INC-1", "prepare", null, List.of("prepare"), io.jenkins.plugins.retrogate.engine.model.Detection.MANUAL,
                java.time.Instant.EPOCH, null, null, null);
        byte[] json = EventEncoder.encode(sample);
        RecordFormat.Encoded line = new RecordFormat().encode(1, EventJson.versionOf(sample), RecordFormat.GENESIS, json);
        RecordFormat.Decoded decoded = new RecordFormat().decode(line.line(), line.line().length - 1, new String[1], true);
        try {
            RetroState.empty().apply(1, EventDecoder.decode(decoded));
        } catch (IOException e) {
            throw new IllegalStateException("the event codec cannot read what it wrote", e);
        }
    }

    /**
     * Whether {@code directory} holds a store (a journal segment or a snapshot), without opening,
     * locking or changing anything: a directory that does not exist holds none.
     */
    public static boolean exists(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        return java.nio.file.Files.isDirectory(dir)
                && (!JournalFiles.segments(dir).isEmpty() || !JournalFiles.snapshots(dir).isEmpty());
    }

    /** Checks every record and snapshot of the store in {@code directory} without changing or locking it. */
    public static VerifyReport verify(Path directory) {
        return Verifier.verify(directory.toAbsolutePath().normalize());
    }

    /**
     * Cuts the journal after its last good record, keeping a copy of everything it removes in a
     * {@code repair-<time>} directory beside it. Takes the store's lock: the store must be closed.
     */
    public static RepairReport repair(Path directory) {
        return Repairer.repair(directory.toAbsolutePath().normalize());
    }

    @Override
    public RetroState state() {
        return published;
    }

    @Override
    public <R> R execute(Function<RetroState, Change<R>> command) {
        if (commands.runningHere()) {
            throw new IllegalStateException("Store.execute was called from inside a command; a command must be a"
                    + " function of the state it is given and return its events");
        }
        if (writer == null) {
            throw new IllegalStateException("the store " + dir + " was opened read-only: it records nothing");
        }
        Request<R> request = new Request<>(command, Thread.currentThread());
        writer.entered();
        commands.add(request);
        long combined = 0;
        try {
            combined = commands.awaitRun(request);
            if (request.failure != null) {
                throw Request.<RuntimeException>sneaky(request.failure);
            }
            if (request.waiter != null) {
                writer.awaitDurable(request.waiter);
                maybeSnapshot(request.ticket);
            } else {
                // A command that recorded nothing still waits until the state it read is durable.
                writer.awaitDurable(request.ticket);
            }
            return request.result;
        } finally {
            // A thread that ran other writers' commands waits for their records too, so that they
            // always have a leader (it usually leads that round anyway) — whatever became of its own
            // command. Their failures are theirs to report, not this caller's.
            if (combined > 0) {
                try {
                    writer.awaitDurable(combined);
                } catch (StoreException theirs) {
                    // reported to the writers whose records they are
                }
            }
            writer.left();
        }
    }

    /**
     * Runs one command on the latest decided state; command lock held. A command that records events
     * is marked done before its records are buffered (they can become durable, and its thread be
     * woken, at any moment after that); its thread is then woken by the round that makes them durable,
     * or here when the writer has failed meanwhile (a failed round may have woken it before it was
     * done). A command that records nothing or fails wakes its thread here.
     *
     * @return the last sequence buffered for it, 0 if none
     */
    private long run(Request<?> request) {
        return runTyped(request);
    }

    private <R> long runTyped(Request<R> request) {
        long buffered = 0;
        try {
            ensureOpen();
            Change<R> change = request.command.apply(decided);
            RetroState next = decided;
            for (Event event : change.events()) {
                next = next.apply(next.sequence() + 1, event);
            }
            request.result = change.result();
            request.ticket = next.sequence();
            if (!change.events().isEmpty()) {
                Encoded encoded = encode(change.events());
                request.waiter = writer.register(request.owner, next.sequence());
                request.done = true;
                buffered = next.sequence();
                try {
                    append(encoded, next);
                } catch (StoreException e) {
                    // the writer has failed; the owner learns it from awaitDurable
                } catch (Throwable e) {
                    writer.fail(new IOException("records " + (decided.sequence() + 1) + " to " + next.sequence()
                            + " could not be buffered: " + e, e));
                }
                if (writer.failure() != null) {
                    LockSupport.unpark(request.owner);
                }
            }
        } catch (Throwable e) {
            if (!request.done) {
                request.failure = e;
            }
        } finally {
            if (request.waiter == null || request.failure != null) {
                request.done = true;
                if (request.owner != Thread.currentThread()) {
                    LockSupport.unpark(request.owner);
                }
            }
        }
        return buffered;
    }

    /** A command's records, encoded and chained: the bytes, the last line's length and hash. */
    @SuppressWarnings("ArrayRecordComponent") // handed on without a copy, never compared or hashed
    private record Encoded(byte[] bytes, int lastLine, String lastHash) {
    }

    private Encoded encode(List<Event> events) {
        long firstSeq = decided.sequence() + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(400 * events.size());
        String prev = lastHash;
        int lastLine = 0;
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            byte[] json = EventEncoder.encode(event);
            RecordFormat.Encoded encoded = format.encode(firstSeq + i, EventJson.versionOf(event), prev, json);
            out.writeBytes(encoded.line());
            lastLine = encoded.line().length;
            prev = encoded.hash();
        }
        return new Encoded(out.toByteArray(), lastLine, prev);
    }

    /** Buffers encoded records; on an I/O error the writer fails, and so does every waiter. */
    private void append(Encoded encoded, RetroState next) {
        long firstSeq = decided.sequence() + 1;
        JournalWriter.Placement placement;
        try {
            placement = writer.append(encoded.bytes(), encoded.lastLine(), firstSeq, next);
        } catch (IOException e) {
            writer.fail(e);
            throw JournalWriter.failed(e);
        }
        lastHash = encoded.lastHash();
        decided = next;
        recentMarks.put(next.sequence(), new Mark(lastHash, placement.segmentFirstSeq(), placement.offset()));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + dir + " is closed");
        }
        IOException failure = writer.failure();
        if (failure != null) {
            throw JournalWriter.failed(failure);
        }
    }

    private void publish(RetroState state) {
        published = state;
        // Keep only the marks a snapshot may still need (the published one and newer).
        recentMarks.headMap(state.sequence()).clear();
    }

    @Override
    public List<RecordedEvent> events(long fromSequence, int limit) {
        long upTo = published.sequence();
        List<List<RecordedEvent>> result = new java.util.ArrayList<>(1);
        try {
            // A read is idempotent: an interrupt that closes the reader's channel makes it read again,
            // and the caller's interrupt flag is kept (see Interrupts).
            Interrupts.run(() -> {
                result.clear();
                result.add(index.read(Math.max(1, fromSequence), limit, upTo));
            });
            return result.get(0);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot read the journal in " + dir + ": " + e, e);
        }
    }

    /** Writes a snapshot of the current (durable) state now, on the calling thread. */
    public void snapshot() {
        if (writer == null) {
            throw new IllegalStateException("the store " + dir + " was opened read-only: it writes no snapshot");
        }
        synchronized (snapshotMonitor) {
            RetroState state = published;
            Mark mark = recentMarks.get(state.sequence());
            while (mark == null) {
                state = published;
                mark = recentMarks.get(state.sequence());
            }
            if (state.sequence() == snapshotSeq) {
                return;
            }
            try {
                SnapshotFile.write(dir, state, mark);
                snapshotSeq = state.sequence();
                pruneSnapshots();
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.IO, "cannot write a snapshot in " + dir + ": " + e, e);
            }
        }
    }

    private void pruneSnapshots() throws IOException {
        List<JournalFiles.Numbered> all = JournalFiles.snapshots(dir);
        for (int i = 0; i < all.size() - options.keepSnapshots(); i++) {
            Files.deleteIfExists(all.get(i).path());
        }
    }

    private void maybeSnapshot(long seq) {
        if (options.snapshotEvery() > 0 && seq - snapshotSeq >= options.snapshotEvery()
                && snapshotQueued.compareAndSet(false, true)) {
            snapshotter.execute(() -> {
                try {
                    snapshot();
                } catch (RuntimeException e) {
                    Log.LOG.log(Level.WARNING, "Background snapshot failed; start-up will replay more of the journal", e);
                } finally {
                    snapshotQueued.set(false);
                }
            });
        }
    }

    /** How many commands are queued for the command lock (for tests and diagnostics). */
    int queued() {
        return commands.size();
    }

    /**
     * How many group-commit forces ran since the store was opened (diagnostics: with concurrent
     * writers, records written divided by this is the batch size).
     */
    public long forces() {
        return writer == null ? 0 : writer.forces();
    }

    /** How many times an interrupt closed the journal segment and the writer reopened it (tests, diagnostics). */
    long reopens() {
        return writer == null ? 0 : writer.reopens();
    }

    /** Whether the store was opened to read only ({@link JournalOptions#readOnly()}). */
    public boolean readOnly() {
        return writer == null;
    }

    /** The store's directory. */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        boolean[] first = {false};
        // Commands queued meanwhile run afterwards: they are refused ("the store is closed").
        commands.exclusively(() -> {
            first[0] = !closed;
            closed = true;
        });
        if (!first[0]) {
            return;
        }
        // Closing is not cut short by an interrupt (Jenkins interrupts its threads at shutdown): the
        // wait for the background snapshot, the last force and the closing snapshot all complete, and
        // the interrupt flag is set again at the end.
        boolean interrupted = Thread.interrupted();
        try {
            snapshotter.shutdown();
            interrupted |= awaitSnapshotter();
            if (writer != null) {
                writer.close();
            }
            interrupted |= Thread.interrupted();
            if (writer != null && options.snapshotOnCloseAfter() > 0 && published.sequence() > sequenceAtOpen
                    && published.sequence() - snapshotSeq >= options.snapshotOnCloseAfter()) {
                snapshot();
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot close the store " + dir + ": " + e, e);
        } finally {
            interrupted |= Thread.interrupted();
            lock.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits up to a minute for a background snapshot to finish; returns whether it was interrupted meanwhile. */
    private boolean awaitSnapshotter() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                snapshotter.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** The journal's logger, made when first used: finding the platform's logger costs a short command milliseconds. */
    static final class Log {
        static final System.Logger LOG = System.getLogger(JournalStore.class.getName());

        private Log() {
        }
    }
}
