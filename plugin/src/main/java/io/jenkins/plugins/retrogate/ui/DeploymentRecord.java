package io.jenkins.plugins.retrogate.ui;

import io.jenkins.plugins.retrogate.engine.command.DeploymentResult;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import java.util.ArrayList;
import java.util.List;

/** A deployment this build recorded, and what its end did to action items. */
public final class DeploymentRecord {
    private final String deploymentId;
    private final String service;
    private final String environment;
    private final String version;
    private final String decision;
    private String outcome;
    // ArrayLists: the build's XML (XStream) cannot read back the JDK's immutable lists
    private List<String> resolved = new ArrayList<>();
    private List<String> verified = new ArrayList<>();
    private List<String> reopened = new ArrayList<>();

    public DeploymentRecord(Deployment deployment) {
        this.deploymentId = deployment.id();
        this.service = deployment.service();
        this.environment = deployment.environment();
        this.version = deployment.ref().version();
        Decision decided = deployment.decision();
        this.decision = decided == null ? null : decided.name();
        Outcome ended = deployment.outcome();
        this.outcome = ended == null ? null : ended.name();
    }

    /** Records how the deployment ended. */
    /** One line for the panel: {@code Deployment DEP-3 of checkout-api → production (version 1.4): SUCCEEDED}. */
    public String getSummary() {
        return "Deployment " + deploymentId + " of " + service + " → " + environment
                + (version == null ? "" : " (version " + version + ")") + ": " + (outcome == null ? "running" : outcome);
    }

    public void finished(DeploymentResult result) {
        Outcome ended = result.deployment().outcome();
        outcome = ended == null ? null : ended.name();
        resolved = new ArrayList<>(result.resolved());
        verified = new ArrayList<>(result.verified());
        reopened = new ArrayList<>(result.reopened());
    }

    /** Records that a rollback ended the deployment. */
    public void rolledBack(List<String> reopenedItems) {
        outcome = "ROLLED_BACK";
        reopened = new ArrayList<>(reopenedItems);
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getVersion() {
        return version;
    }

    public String getDecision() {
        return decision;
    }

    /** SUCCEEDED, FAILED, ROLLED_BACK, or {@code null} while it runs. */
    public String getOutcome() {
        return outcome;
    }

    public List<String> getResolved() {
        return resolved == null ? List.of() : List.copyOf(resolved);
    }

    public List<String> getVerified() {
        return verified == null ? List.of() : List.copyOf(verified);
    }

    public List<String> getReopened() {
        return reopened == null ? List.of() : List.copyOf(reopened);
    }
}
