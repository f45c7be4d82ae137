package io.jenkins.plugins.retrogate.config;

import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.tracker.GitHubClient;
import io.jenkins.plugins.retrogate.engine.tracker.GitHubSettings;
import io.jenkins.plugins.retrogate.engine.tracker.HttpOptions;
import io.jenkins.plugins.retrogate.engine.tracker.JiraClient;
import io.jenkins.plugins.retrogate.engine.tracker.JiraSettings;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerClient;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.time.Duration;
import java.util.Map;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The ticket tracker Retro Gate keeps in step with (DESIGN §2, docs/trackers.md), as the
 * administrator writes it: which tracker, where, which credentials id, and the few mappings the
 * engine's {@link JiraSettings} and {@link GitHubSettings} take. The credentials are resolved each
 * time a client is built ({@link #client}), never stored here. Configuration as Code:
 * {@code unclassified: retroGate: tracker: {kind: JIRA_CLOUD, url: ..., project: PAY, credentialsId: ...}}.
 */
public final class TrackerSettings extends AbstractDescribableImpl<TrackerSettings> {
    static final int DEFAULT_SYNC_INTERVAL_MINUTES = 15;
    static final int DEFAULT_STALE_AFTER_MINUTES = 30;

    private final TrackerKind kind;
    private final String url;
    private final String project;
    private final String credentialsId;
    private String issueType = "Task";
    private String labels = TrackerFields.DEFAULT_LABEL;
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
        PolicyFields.check(this::engineSettings);
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
        if (kind == TrackerKind.GITHUB) {
            GitHubSettings github = gitHubSettings();
            return new GitHubClient(github, TrackerAccess.resolve(new JenkinsFacade(), credentialsId), options);
        }
        JiraSettings jira = jiraSettings();
        return new JiraClient(jira, TrackerAccess.resolve(new JenkinsFacade(), credentialsId), options);
    }

    /** Builds the engine's settings for this kind of tracker, which validates them. */
    void engineSettings() {
        if (kind == TrackerKind.GITHUB) {
            gitHubSettings();
        } else {
            jiraSettings();
        }
    }

    private GitHubSettings gitHubSettings() {
        if (fileTickets && project == null) {
            throw new InvalidInputException("project", "",
                    "is needed to file tickets in GitHub: the owner/repo where issues are filed");
        }
        GitHubSettings github = GitHubSettings.of(project);
        if (url != null) {
            github = github.withApiUrl(url);
        }
        Map<Priority, String> priorityLabels = TrackerFields.priorities(priorities);
        return github.withLabels(TrackerFields.labels(labels),
                priorityLabels == null ? github.priorityLabels() : priorityLabels);
    }

    private JiraSettings jiraSettings() {
        if (url == null) {
            throw new InvalidInputException("url", "", "is missing: the Jira site, like https://acme.atlassian.net");
        }
        if (project == null) {
            throw new InvalidInputException("project", "",
                    "is missing: the Jira project key where tickets are filed, like PAY");
        }
        JiraSettings jira = kind == TrackerKind.JIRA_CLOUD ? JiraSettings.cloud(url, project)
                : JiraSettings.dataCenter(url, project);
        jira = jira.withIssueType(issueType == null ? "Task" : issueType).withLabels(TrackerFields.labels(labels))
                .withDone(doneCategories == null || doneCategories.isBlank() ? jira.doneCategories()
                        : TrackerFields.list(doneCategories), TrackerFields.list(doneStatuses),
                        jira.notFixedResolutions())
                .withCloseTransition(closeTransition);
        Map<Priority, String> priorityNames = TrackerFields.priorities(priorities);
        return priorityNames == null ? jira : jira.withPriorities(priorityNames);
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
        this.labels = String.join("\n", TrackerFields.list(labels));
    }

    public String getPriorities() {
        return priorities;
    }

    @DataBoundSetter
    public void setPriorities(String priorities) {
        this.priorities = String.join("\n", TrackerFields.list(priorities));
    }

    public String getDoneCategories() {
        return doneCategories;
    }

    @DataBoundSetter
    public void setDoneCategories(String doneCategories) {
        this.doneCategories = String.join("\n", TrackerFields.list(doneCategories));
    }

    public String getDoneStatuses() {
        return doneStatuses;
    }

    @DataBoundSetter
    public void setDoneStatuses(String doneStatuses) {
        this.doneStatuses = String.join("\n", TrackerFields.list(doneStatuses));
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
        this.syncIntervalMinutes = TrackerFields.syncIntervalMinutes(syncIntervalMinutes);
    }

    public int getStaleAfterMinutes() {
        return staleAfterMinutes;
    }

    @DataBoundSetter
    public void setStaleAfterMinutes(int staleAfterMinutes) {
        this.staleAfterMinutes = TrackerFields.staleAfterMinutes(staleAfterMinutes);
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
            return PolicyFields.validate(() -> TrackerFields.priorities(value));
        }

        @POST
        public FormValidation doCheckSyncIntervalMinutes(@QueryParameter int value) {
            return PolicyFields.validate(() -> TrackerFields.syncIntervalMinutes(value));
        }

        @POST
        public FormValidation doCheckStaleAfterMinutes(@QueryParameter int value) {
            return PolicyFields.validate(() -> TrackerFields.staleAfterMinutes(value));
        }
    }
}
