package io.jenkins.plugins.retrogate.engine.store;

import io.jenkins.plugins.retrogate.engine.event.Event;
import java.util.List;

/**
 * What a command decided against a state: the events to record (possibly none) and the result to
 * hand back once they are durable.
 */
public record Change<R>(List<Event> events, R result) {
    public Change {
        events = List.copyOf(events);
    }

    public static <R> Change<R> of(R result, List<? extends Event> events) {
        return new Change<>(List.copyOf(events), result);
    }
}
