package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Parallel;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.snapshot.HistoryUnreadableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Start-up replay on all cores: the journal walk (checksums, hash chain) hands the event bytes of
 * good records over in batches; a pool decodes the batches' JSON side by side; the walking thread
 * folds the decoded events strictly in sequence order. A record that cannot be decoded or applied
 * becomes a {@link Problem} at its own file, offset and sequence number.
 */
final class ParallelReplay implements JournalScan.Sink, AutoCloseable {
    private static final int BATCH = 1024;
    private final ExecutorService pool = Parallel.pool("replay");
    private final ArrayDeque<Batch> pending = new ArrayDeque<>();
    private final int maxPending = 4 * Parallel.threads();
    private final long baseSeq;
    private final RecordFormat local = new RecordFormat();
    private Batch filling;
    private RetroState state;
    private String hashAtBase;
    private Problem problem;

    ParallelReplay(RetroState base) {
        this.state = base;
        this.baseSeq = base.sequence();
    }

    @Override
    public void accept(RecordFormat.Decoded record, Path file, long offset) throws Exception {
        if (record.seq() <= baseSeq) {
            // Records up to the snapshot's are only checked, here and now (the walk left the hash to us).
            if (!local.hashMatches(record.bytes(), record.eventEnd())) {
                throw new IOException(RecordFormat.HASH_MISMATCH);
            }
            if (record.seq() == baseSeq) {
                hashAtBase = record.hash();
            }
            return;
        }
        if (problem != null) {
            return;
        }
        if (filling == null) {
            filling = new Batch();
        }
        filling.add(record, file, offset);
        if (filling.size == BATCH) {
            submit();
        }
    }

    private void submit() throws IOException {
        Batch batch = filling;
        filling = null;
        batch.decoded = pool.submit(batch::decode);
        pending.add(batch);
        while (pending.size() > maxPending) {
            fold(pending.poll());
        }
    }

    /** Folds everything still pending; returns the first problem, or null. */
    Problem finish() throws IOException {
        if (filling != null && filling.size > 0 && pending.isEmpty()) {
            // one batch in all (a short journal after its snapshot): decoded here, no other thread to wait for
            FutureTask<Event[]> inline = new FutureTask<>(filling::decode);
            inline.run();
            filling.decoded = inline;
            pending.add(filling);
            filling = null;
        } else if (filling != null && filling.size > 0) {
            submit();
        }
        while (!pending.isEmpty()) {
            fold(pending.poll());
        }
        return problem;
    }

    private void fold(Batch batch) throws IOException {
        if (problem != null) {
            return;
        }
        Event[] events;
        try {
            events = batch.decoded.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DecodeFailure failure) {
                events = failure.decodedBefore;
                foldAll(batch, events, failure.index);
                if (problem == null) {
                    String what = RecordFormat.HASH_MISMATCH.equals(failure.getMessage()) ? failure.getMessage()
                            : "the event cannot be read: " + failure.getMessage();
                    problem = batch.problem(failure.index, what);
                }
                return;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during replay", e);
        }
        foldAll(batch, events, batch.size);
    }

    private void foldAll(Batch batch, Event[] events, int count) {
        for (int i = 0; i < count; i++) {
            try {
                state = state.apply(batch.seqs[i], events[i]);
            } catch (HistoryUnreadableException e) {
                throw e; // not the record's fault: recovery starts again without the snapshot
            } catch (RuntimeException e) {
                problem = batch.problem(i, "the event cannot be applied: " + e.getMessage());
                return;
            }
        }
    }

    RetroState state() {
        return state;
    }

    String hashAtBase() {
        return hashAtBase;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Thrown by a decoding task: which record failed, and the events decoded before it. */
    private static final class DecodeFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;
        final transient Event[] decodedBefore;

        DecodeFailure(int index, Event[] decodedBefore, IOException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
            this.decodedBefore = decodedBefore;
        }
    }

    /** Up to {@value #BATCH} records' event bytes, copied out of the walk's reusable buffer. */
    private static final class Batch {
        byte[] data = new byte[BATCH * 480];
        int length;
        final int[] starts = new int[BATCH + 1];
        final int[] eventStarts = new int[BATCH];
        final int[] eventEnds = new int[BATCH];
        final long[] seqs = new long[BATCH];
        final long[] offsets = new long[BATCH];
        final Path[] files = new Path[BATCH];
        int size;
        Future<Event[]> decoded;

        void add(RecordFormat.Decoded record, Path file, long offset) {
            int count = record.eventEnd() + RecordFormat.HASH_FIELD;
            if (length + count > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + count));
            }
            System.arraycopy(record.bytes(), 0, data, length, count);
            starts[size] = length;
            eventStarts[size] = record.eventStart();
            eventEnds[size] = record.eventEnd();
            seqs[size] = record.seq();
            offsets[size] = offset;
            files[size] = file;
            length += count;
            size++;
            starts[size] = length;
        }

        /** Checks each record's SHA-256 and decodes its event. */
        Event[] decode() throws DecodeFailure {
            RecordFormat format = new RecordFormat();
            Event[] events = new Event[size];
            byte[] line = new byte[512];
            for (int i = 0; i < size; i++) {
                int length = starts[i + 1] - starts[i];
                if (line.length < length) {
                    line = new byte[Math.max(length, line.length * 2)];
                }
                System.arraycopy(data, starts[i], line, 0, length);
                try {
                    if (!format.hashMatches(line, eventEnds[i])) {
                        throw new IOException(RecordFormat.HASH_MISMATCH);
                    }
                    events[i] = EventDecoder.decode(line, eventStarts[i], eventEnds[i] - eventStarts[i]);
                } catch (IOException e) {
                    throw new DecodeFailure(i, events, e);
                }
            }
            return events;
        }

        Problem problem(int index, String message) {
            return new Problem(files[index], offsets[index], seqs[index], Problem.Kind.CORRUPTED, message);
        }
    }
}
