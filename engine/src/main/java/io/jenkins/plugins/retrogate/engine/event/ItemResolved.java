package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import java.time.Instant;

/** An item's fix was declared done: by hand, by its tracker, or by the deployment that carried it. */
public record ItemResolved(Instant at, String actor, String itemId, Resolution resolution, @CheckForNull String fix,
        @CheckForNull String deploymentId) implements Event {
}
