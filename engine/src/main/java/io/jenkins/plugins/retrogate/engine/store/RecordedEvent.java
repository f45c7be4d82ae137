package io.jenkins.plugins.retrogate.engine.store;

import io.jenkins.plugins.retrogate.engine.event.Event;
import java.util.Objects;

/** An event as the log holds it: numbered from 1, gap-free, in the order it was recorded. */
public record RecordedEvent(long sequence, Event event) {
    public RecordedEvent {
        Objects.requireNonNull(event, "event");
    }
}
