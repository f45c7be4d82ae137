package io.jenkins.plugins.retrogate.engine.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link StoreBackend#verify} found.
 *
 * @param location     where the store is (a directory, or a database without its credentials)
 *
 * @param ok           whether the store opens as it is (a torn tail or a damaged snapshot is
 *                     reported but does not stop start-up)
 * @param events       how many records passed every check
 * @param lastSequence the sequence number of the last good record
 * @param segments     how many segment files there are (a database: 0)
 * @param snapshots    how many snapshot files there are
 * @param problems     everything found, in file order
 * @param cutRecords   how many records (lines, damaged or not) a repair would cut: from the first break on
 * @param cutBytes     how many bytes of the journal a repair would cut
 * @param replayable   how many of the cut records still verify on their own: repair replays them
 */
public record VerifyReport(String location, boolean ok, long events, long lastSequence, int segments, int snapshots,
        List<Problem> problems, long cutRecords, long cutBytes, long replayable) {

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    /** What a journal's verification found, in {@code directory}. */
    public VerifyReport(Path directory, boolean ok, long events, long lastSequence, int segments, int snapshots,
            List<Problem> problems, long cutRecords, long cutBytes, long replayable) {
        this(directory.toString(), ok, events, lastSequence, segments, snapshots, problems, cutRecords, cutBytes,
                replayable);
    }

    /** A few lines for a person: the verdict, the figures, then one line per problem. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(ok ? "OK: " : "FAILED: ").append(location).append(": ").append(events).append(" events, last sequence ")
                .append(lastSequence).append(", ").append(segments).append(" segment(s), ").append(snapshots)
                .append(" snapshot(s)");
        if (problems.isEmpty()) {
            text.append(", every checksum and the hash chain verify");
        }
        for (Problem problem : problems) {
            text.append('\n').append("  ").append(problem.kind()).append(": ").append(problem);
        }
        if (!ok) {
            text.append("\n  The store will not open until it is repaired. 'repair' would cut ").append(cutRecords)
                    .append(" record(s) after sequence ").append(lastSequence).append(" (").append(cutBytes)
                    .append(" bytes, all copied aside first); ").append(replayable)
                    .append(" of them still verify: repair records them again, with their ids, where they still fit;")
                    .append(" the ids the cut records hold are never handed out again.");
        }
        return text.toString();
    }
}
