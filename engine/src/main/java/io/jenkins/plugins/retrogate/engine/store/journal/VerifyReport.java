package io.jenkins.plugins.retrogate.engine.store.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link JournalStore#verify} found.
 *
 * @param ok           whether the store opens as it is (a torn tail or a damaged snapshot is
 *                     reported but does not stop start-up)
 * @param events       how many records passed every check
 * @param lastSequence the sequence number of the last good record
 * @param segments     how many segment files there are
 * @param snapshots    how many snapshot files there are
 * @param problems     everything found, in file order
 */
public record VerifyReport(Path directory, boolean ok, long events, long lastSequence, int segments, int snapshots,
        List<Problem> problems) {

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    /** A few lines for a person: the verdict, the figures, then one line per problem. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(ok ? "OK: " : "FAILED: ").append(directory).append(": ").append(events).append(" events, last sequence ")
                .append(lastSequence).append(", ").append(segments).append(" segment(s), ").append(snapshots)
                .append(" snapshot(s)");
        if (problems.isEmpty()) {
            text.append(", every checksum and the hash chain verify");
        }
        for (Problem problem : problems) {
            text.append('\n').append("  ").append(problem.kind()).append(": ").append(problem);
        }
        if (!ok) {
            text.append("\n  The store will not open until it is repaired ('repair' cuts after the last good record"
                    + " and keeps a copy of what it cuts).");
        }
        return text.toString();
    }
}
