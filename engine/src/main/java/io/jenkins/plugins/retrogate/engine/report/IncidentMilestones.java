package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import java.util.ArrayList;
import java.util.List;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentStatusChanged;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When each incident was restored (its first mitigation or its first status past OPEN) and when it
 * was first reviewed: facts only the event log knows, folded one event at a time so that a report
 * never has to read the whole history again. Not thread-safe: its owner serialises access.
 */
public final class IncidentMilestones {
    private final Map<String, Instant> restoredAt = new HashMap<>();
    private final Map<String, Instant> reviewedAt = new HashMap<>();
    private final List<NotificationFailed> notificationFailures = new ArrayList<>();
    private long sequence;

    /** Folds every event of {@code events}, in order. */
    public static IncidentMilestones of(Iterable<Event> events) {
        IncidentMilestones milestones = new IncidentMilestones();
        for (Event event : events) {
            milestones.add(event);
        }
        return milestones;
    }

    /** Folds one more event. */
    public void add(Event event) {
        // the time the fact happened, not the time it was written down: a mitigation recorded the next
        // morning restored the service when it was done
        if (event instanceof MitigationRecorded m) {
            restoredAt.merge(m.incidentId(), m.happened(), IncidentMilestones::earlier);
        } else if (event instanceof NotificationFailed f) {
            notificationFailures.add(f);
        } else if (event instanceof IncidentStatusChanged s) {
            if (s.status() != IncidentStatus.OPEN) {
                restoredAt.merge(s.incidentId(), s.happened(), IncidentMilestones::earlier);
            }
            if (s.status() == IncidentStatus.REVIEWED) {
                reviewedAt.merge(s.incidentId(), s.happened(), IncidentMilestones::earlier);
            }
        }
    }

    /** Folds the event recorded under {@code seq} and remembers it as the last one folded. */
    public void add(long seq, Event event) {
        add(event);
        sequence = seq;
    }

    /** The sequence number of the last event folded through {@link #add(long, Event)}; 0 for none. */
    public long sequence() {
        return sequence;
    }

    /** When the incident was restored, or {@code null} while it is not. */
    public Instant restoredAt(String incidentId) {
        return restoredAt.get(incidentId);
    }

    /** When the incident was first reviewed, or {@code null}. */
    public Instant reviewedAt(String incidentId) {
        return reviewedAt.get(incidentId);
    }

    /** The notifications that could not be delivered from {@code from} (inclusive) to {@code to}, oldest first. */
    public List<NotificationFailed> notificationFailures(Instant from, Instant to) {
        return notificationFailures.stream().filter(f -> !f.at().isBefore(from) && !f.at().isAfter(to)).toList();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
