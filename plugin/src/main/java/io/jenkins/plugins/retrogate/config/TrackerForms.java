package io.jenkins.plugins.retrogate.config;

import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.retrogate.engine.model.Choices;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.tracker.HttpOptions;
import io.jenkins.plugins.retrogate.engine.tracker.RetryPolicy;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the tracker form's buttons and field checks answer. Callers have checked Administer. */
final class TrackerForms {
    private static final Logger LOGGER = Logger.getLogger(TrackerForms.class.getName());
    /** One attempt: an administrator waiting for the button wants the first answer, not four back-offs. */
    private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(10));

    private TrackerForms() {
    }

    static TrackerKind kind(String value) {
        String name = Util.fixEmptyAndTrim(value);
        return name == null ? TrackerKind.JIRA_CLOUD : Choices.parse(TrackerKind.class, "kind", name);
    }

    /**
     * Builds a client with the chosen credentials (resolved now, in the global context) and calls
     * {@code checkConnection()}. The answer is the tracker's own sentence or the engine's error
     * message; neither holds the secret (the engine scrubs what a tracker echoes back).
     */
    static FormValidation testConnection(String kind, String url, String project, String credentialsId) {
        try {
            TrackerSettings settings = new TrackerSettings(kind(kind), url, project, credentialsId);
            return FormValidation.ok(settings.client(HttpOptions.defaults().withRetry(ONCE)).checkConnection());
        } catch (RetroGateException e) {
            return FormValidation.error(e.getMessage());
        } catch (RuntimeException e) {
            // Not the engine's: its message is not known to be scrubbed, so the page shows only its type.
            LOGGER.log(Level.FINE, "Tracker connection test failed", e);
            return FormValidation.error("The connection test failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); the Jenkins log has the details at level FINE for " + TrackerForms.class.getName());
        }
    }

    /** Checks {@code field} (url or project) with the engine's validation of the whole connection. */
    static FormValidation checkField(String field, String kind, String url, String project) {
        try {
            new TrackerSettings(kind(kind), url, project, null).setup();
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            // the form calls a GitHub repository "project"
            String named = e.field().equals("repository") ? "project" : e.field();
            return field.equals(named) ? FormValidation.error(e.getMessage()) : FormValidation.ok();
        }
    }
}
