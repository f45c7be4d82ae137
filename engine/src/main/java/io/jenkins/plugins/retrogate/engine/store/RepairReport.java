package io.jenkins.plugins.retrogate.engine.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link StoreBackend#repair} did.
 *
 * @param location     where the store is (a directory, or a database without its credentials)
 *
 * @param ok           whether the store now opens
 * @param changed      whether anything was cut or moved
 * @param events       how many records the journal keeps
 * @param lastSequence the sequence number of the last record kept
 * @param bytesCut     how many journal bytes were removed (all of them copied to {@code savedTo})
 * @param savedTo      the directory holding the copies of what was removed, {@code null} if nothing was
 * @param problems     what was wrong before the repair
 * @param replayed     how many cut records that still verified were recorded again (after {@code events})
 * @param notReplayed  the cut records that verified but no longer fit the state (they needed a lost record)
 * @param reserved     the highest ids the cut records named, now never handed out again ({@code null}: none needed)
 */
public record RepairReport(String location, boolean ok, boolean changed, long events, long lastSequence, long bytesCut,
        Path savedTo, List<Problem> problems, int replayed, List<String> notReplayed, String reserved) {

    public RepairReport {
        problems = List.copyOf(problems);
        notReplayed = List.copyOf(notReplayed);
    }

    /** What a journal's repair did in {@code directory}. */
    public RepairReport(Path directory, boolean ok, boolean changed, long events, long lastSequence, long bytesCut,
            Path savedTo, List<Problem> problems, int replayed, List<String> notReplayed, String reserved) {
        this(directory.toString(), ok, changed, events, lastSequence, bytesCut, savedTo, problems, replayed,
                notReplayed, reserved);
    }

    /** A few lines for a person. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (!changed) {
            text.append(ok ? "Nothing to repair: " : "NOT REPAIRED: ").append(location).append(": ").append(events)
                    .append(" events, last sequence ").append(lastSequence);
        } else {
            text.append("Repaired ").append(location).append(": kept ").append(events)
                    .append(" events up to sequence ").append(lastSequence).append(", cut ").append(bytesCut)
                    .append(" bytes; copies of everything removed are in ").append(savedTo);
            text.append("\n  recorded again: ").append(replayed).append(" cut record(s) that still verify");
            for (String left : notReplayed) {
                text.append("\n  not recorded again (kept in the copy): ").append(left);
            }
            if (reserved != null) {
                text.append("\n  ids reserved, never handed out again: up to ").append(reserved);
            }
        }
        for (Problem problem : problems) {
            text.append('\n').append("  was: ").append(problem.kind()).append(": ").append(problem);
        }
        return text.toString();
    }
}
