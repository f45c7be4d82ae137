package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.report.IncidentMilestones;
import io.jenkins.plugins.retrogate.engine.report.Report;
import io.jenkins.plugins.retrogate.engine.report.ReportBuilder;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Reports without re-reading history: the incident milestones are folded from the events once and
 * then only from the events recorded since, and the last report of each kind is kept while nothing
 * changed in the same minute. One report is built at a time, so a loop of requests costs at most
 * one core and, once the milestones are caught up, a few milliseconds each.
 */
final class ReportSource {
    private static final int PAGE = 10_000;

    private final Store store;
    private final IncidentMilestones milestones = new IncidentMilestones();
    private Key lastKey;
    private Report lastReport;

    ReportSource(Store store) {
        this.store = store;
    }

    synchronized Report report(Instant now, int days, String service) {
        RetroState state = store.state();
        Key key = new Key(state.sequence(), now.truncatedTo(ChronoUnit.MINUTES), days, service);
        if (key.equals(lastKey)) {
            return lastReport;
        }
        catchUp(state.sequence());
        Report report = ReportBuilder.build(state, milestones, now, days, service);
        lastKey = key;
        lastReport = report;
        return report;
    }

    /** Folds the events recorded since the last report, up to the state the report is built from. */
    private void catchUp(long upTo) {
        while (milestones.sequence() < upTo) {
            List<RecordedEvent> page = store.events(milestones.sequence() + 1,
                    (int) Math.min(PAGE, upTo - milestones.sequence()));
            if (page.isEmpty()) {
                return;
            }
            for (RecordedEvent recorded : page) {
                milestones.add(recorded.sequence(), recorded.event());
            }
        }
    }

    private record Key(long sequence, Instant minute, int days, String service) {
        Key {
            Objects.requireNonNull(minute, "minute");
        }
    }
}
