package io.jenkins.plugins.retrogate.engine.store.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link JournalStore#repair} did.
 *
 * @param ok           whether the store now opens
 * @param changed      whether anything was cut or moved
 * @param events       how many records the journal keeps
 * @param lastSequence the sequence number of the last record kept
 * @param bytesCut     how many journal bytes were removed (all of them copied to {@code savedTo})
 * @param savedTo      the directory holding the copies of what was removed, {@code null} if nothing was
 * @param problems     what was wrong before the repair
 */
public record RepairReport(Path directory, boolean ok, boolean changed, long events, long lastSequence, long bytesCut,
        Path savedTo, List<Problem> problems) {

    public RepairReport {
        problems = List.copyOf(problems);
    }

    /** A few lines for a person. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (!changed) {
            text.append(ok ? "Nothing to repair: " : "NOT REPAIRED: ").append(directory).append(": ").append(events)
                    .append(" events, last sequence ").append(lastSequence);
        } else {
            text.append("Repaired ").append(directory).append(": kept ").append(events)
                    .append(" events up to sequence ").append(lastSequence).append(", cut ").append(bytesCut)
                    .append(" bytes; copies of everything removed are in ").append(savedTo);
        }
        for (Problem problem : problems) {
            text.append('\n').append("  was: ").append(problem.kind()).append(": ").append(problem);
        }
        return text.toString();
    }
}
