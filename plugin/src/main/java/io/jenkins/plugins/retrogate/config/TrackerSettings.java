package io.jenkins.plugins.retrogate.config;

import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.tracker.HttpOptions;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerClient;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetup;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetupBuilder;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetups;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The ticket tracker Retro Gate keeps in step with (DESIGN §2, docs/trackers.md), as the
 * administrator writes it: which tracker, where, which credentials id, and the few mappings it takes.
 * This class only maps the form and Configuration as Code onto the engine's {@link TrackerSetupBuilder}
 * and {@link TrackerSetups}, the one validation the CLI's {@code tracker.yaml} uses too. The credentials are resolved each
 * time a client is built ({@link #client}), never stored here. Configuration as Code:
 * {@code unclassified: retroGate: tracker: {kind: JIRA_CLOUD, url: ..., project: PAY, credentialsId: ...}}.
 */
public final class TrackerSettings extends AbstractDescribableImpl<TrackerSettings> {
    static final int DEFAULT_SYNC_INTERVAL_MINUTES = TrackerSetups.DEFAULT_SYNC_INTERVAL_MINUTES;
    static final int DEFAULT_STALE_AFTER_MINUTES = TrackerSetups.DEFAULT_STALE_AFTER_MINUTES;
    private static final String DEFAULT_LABEL = "retro-gate";

    private final TrackerKind kind;
    private final String url;
    private final String project;
    private final String credentialsId;
    private String issueType = "Task";
    private String labels = DEFAULT_LABEL;
    private String priorities = "";
    private String doneCategories = "";
    private String doneStatuses = "";
    private String closeTransition;
    private boolean fileTickets;
    private boolean closeHistoricItems;
    private int syncIntervalMinutes = DEFAULT_SYNC_INTERVAL_MINUTES;
    private int staleAfterMinutes = DEFAULT_STALE_AFTER_MINUTES;

    /**
     * @param kind          Jira Cloud, Jira Data Center or GitHub Issues
     * @param url           the Jira site, or the GitHub API URL (empty: {@code https://api.github.com})
     * @param project       the Jira project key, or the GitHub {@code owner/repo}
     * @param credentialsId a global "Username with password" (basic auth) or "Secret text" (bearer token)
     */
    @DataBoundConstructor
    public TrackerSettings(TrackerKind kind, String url, String project, String credentialsId) {
        this.kind = kind == null ? TrackerKind.JIRA_CLOUD : kind;
        this.url = Util.fixEmptyAndTrim(url);
        this.project = Util.fixEmptyAndTrim(project);
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /**
     * Checks every setting with the engine's own validation.
     *
     * @throws IllegalArgumentException with the engine's message, naming the field
     */
    public void check() {
        PolicyFields.check(() -> setups(null));
    }

    /** The tickets this tracker serves. */
    public TicketSystem system() {
        return kind.system();
    }

    /** How old tracker data may be before a gate decision says it may be out of date. */
    public Duration staleAfter() {
        return Duration.ofMinutes(staleAfterMinutes);
    }

    public Duration syncInterval() {
        return Duration.ofMinutes(syncIntervalMinutes);
    }

    /**
     * A client for this tracker, with the credentials resolved now.
     *
     * @throws io.jenkins.plugins.retrogate.engine.tracker.TrackerException when the credentials are missing
     * @throws InvalidInputException when a setting is invalid
     */
    public TrackerClient client(HttpOptions options) {
        TrackerSetup setup = setup();
        return setup.client(TrackerAccess.resolve(new JenkinsFacade(), credentialsId), options);
    }

    /**
     * The engine's checked tracker section for this one tracker.
     *
     * @param incidentUrl an incident's page for filed tickets ({@code {id}}), or null when Jenkins knows no URL
     * @throws InvalidInputException naming the field, the value and what is allowed
     */
    public TrackerSetups setups(String incidentUrl) {
        return TrackerSetups.builder().tracker(setup()).syncIntervalMinutes(syncIntervalMinutes)
                .staleAfterMinutes(staleAfterMinutes).closeHistoricItems(closeHistoricItems).incidentUrl(incidentUrl)
                .build();
    }

    /** Maps the form onto the engine's builder; the Jira-only fields go only to a Jira tracker. */
    TrackerSetup setup() {
        TrackerSetupBuilder builder = TrackerSetup.builder().kind(kind.name()).url(url).project(project)
                .credentials(credentialsId).userFromCredentials().labels(labels).priorities(priorities)
                .fileTickets(fileTickets);
        if (kind != TrackerKind.GITHUB) {
            builder.issueType(issueType).doneCategories(doneCategories).doneStatuses(doneStatuses)
                    .closeTransition(closeTransition);
        }
        return builder.build();
    }

    public TrackerKind getKind() {
        return kind;
    }

    public String getUrl() {
        return url;
    }

    public String getProject() {
        return project;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getIssueType() {
        return issueType;
    }

    @DataBoundSetter
    public void setIssueType(String issueType) {
        this.issueType = Util.fixEmptyAndTrim(issueType);
    }

    public String getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = TrackerSetupBuilder.listText(labels);
    }

    public String getPriorities() {
        return priorities;
    }

    @DataBoundSetter
    public void setPriorities(String priorities) {
        this.priorities = TrackerSetupBuilder.listText(priorities);
    }

    public String getDoneCategories() {
        return doneCategories;
    }

    @DataBoundSetter
    public void setDoneCategories(String doneCategories) {
        this.doneCategories = TrackerSetupBuilder.listText(doneCategories);
    }

    public String getDoneStatuses() {
        return doneStatuses;
    }

    @DataBoundSetter
    public void setDoneStatuses(String doneStatuses) {
        this.doneStatuses = TrackerSetupBuilder.listText(doneStatuses);
    }

    public String getCloseTransition() {
        return closeTransition;
    }

    @DataBoundSetter
    public void setCloseTransition(String closeTransition) {
        this.closeTransition = Util.fixEmptyAndTrim(closeTransition);
    }

    public boolean isFileTickets() {
        return fileTickets;
    }

    @DataBoundSetter
    public void setFileTickets(boolean fileTickets) {
        this.fileTickets = fileTickets;
    }

    public boolean isCloseHistoricItems() {
        return closeHistoricItems;
    }

    @DataBoundSetter
    public void setCloseHistoricItems(boolean closeHistoricItems) {
        this.closeHistoricItems = closeHistoricItems;
    }

    public int getSyncIntervalMinutes() {
        return syncIntervalMinutes;
    }

    @DataBoundSetter
    public void setSyncIntervalMinutes(int syncIntervalMinutes) {
        PolicyFields.check(() -> TrackerSetups.builder().syncIntervalMinutes(syncIntervalMinutes));
        this.syncIntervalMinutes = syncIntervalMinutes;
    }

    public int getStaleAfterMinutes() {
        return staleAfterMinutes;
    }

    @DataBoundSetter
    public void setStaleAfterMinutes(int staleAfterMinutes) {
        PolicyFields.check(() -> TrackerSetups.builder().staleAfterMinutes(staleAfterMinutes));
        this.staleAfterMinutes = staleAfterMinutes;
    }

    /** Settings saved before a field existed read back with its default. */
    private Object readResolve() {
        if (syncIntervalMinutes < 1) {
            syncIntervalMinutes = DEFAULT_SYNC_INTERVAL_MINUTES;
        }
        if (staleAfterMinutes < 1) {
            staleAfterMinutes = DEFAULT_STALE_AFTER_MINUTES;
        }
        return this;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<TrackerSettings> {
        private final transient JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(JenkinsFacade jenkins) {
            this.jenkins = jenkins;
        }

        @Override
        public String getDisplayName() {
            return "Ticket tracker";
        }

        /** Every usable global credential for administrators; for anyone else only the current choice. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return TrackerAccess.choices(jenkins, credentialsId);
        }

        /** Calls the tracker once with these settings and the chosen credentials (Administer only). */
        @POST
        public FormValidation doTestConnection(@QueryParameter String kind, @QueryParameter String url,
                @QueryParameter String project, @QueryParameter String credentialsId) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            return TrackerForms.testConnection(kind, url, project, credentialsId);
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String kind, @QueryParameter String value,
                @QueryParameter String project) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            return TrackerForms.checkField("url", kind, value, project);
        }

        @POST
        public FormValidation doCheckProject(@QueryParameter String kind, @QueryParameter String url,
                @QueryParameter String value) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            return TrackerForms.checkField("project", kind, url, value);
        }

        @POST
        public FormValidation doCheckPriorities(@QueryParameter String value) {
            return PolicyFields.validate(() -> TrackerSetup.builder().priorities(value));
        }

        @POST
        public FormValidation doCheckSyncIntervalMinutes(@QueryParameter int value) {
            return PolicyFields.validate(() -> TrackerSetups.builder().syncIntervalMinutes(value));
        }

        @POST
        public FormValidation doCheckStaleAfterMinutes(@QueryParameter int value) {
            return PolicyFields.validate(() -> TrackerSetups.builder().staleAfterMinutes(value));
        }
    }
}
