package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.List;

/** The gate blocked a deployment; a release manager may approve an override. */
public record OverrideRequested(Instant at, String actor, String requestId, String service, String environment,
        @CheckForNull String buildUrl, List<String> blockingItems) implements Event {
    public OverrideRequested {
        blockingItems = List.copyOf(blockingItems);
    }
}
