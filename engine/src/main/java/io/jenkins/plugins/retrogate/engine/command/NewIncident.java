package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
import java.time.Instant;
import java.util.List;

/** An incident opened by hand. {@code detectedAt} defaults to now, {@code detection} to MANUAL. */
public record NewIncident(String title, Severity severity, List<String> services, Detection detection,
        Instant detectedAt) {

    /** Wording in the title that blames a person, each with a systems-focused question. */
    public List<WordingHint> hints() {
        return BlameWording.check("title", title);
    }
}
