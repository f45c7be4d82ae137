package io.jenkins.plugins.retrogate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.ExtensionList;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The tracker settings in the global configuration: form round trip, credentials id, Test connection. */
@WithJenkins
class TrackerSettingsITest {
    private static final String SECRET = "s3cr3t-tracker-token-4711";
    private static final String TEST_CONNECTION =
            "descriptorByName/io.jenkins.plugins.retrogate.config.TrackerSettings/testConnection";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "jira-login",
                "Jira Cloud", "ops@acme.com", SECRET));
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "github-token",
                "GitHub", Secret.fromString(SECRET)));
        credentials.save();
    }

    @Test
    void formRoundTripKeepsTheTrackerAndItsCredentialsIdButNeverTheSecret() throws Exception {
        TrackerSettings tracker = new TrackerSettings(TrackerKind.JIRA_DATA_CENTER, "https://jira.acme.com/jira",
                "PAY", "jira-login");
        tracker.setDoneStatuses("Released, Deployed");
        tracker.setPriorities("P0=Blocker\nP1=Critical");
        tracker.setCloseTransition("Close");
        tracker.setFileTickets(true);
        tracker.setSyncIntervalMinutes(5);
        tracker.setStaleAfterMinutes(20);
        RetroGateConfiguration.get().setTracker(tracker);

        j.configRoundtrip();

        TrackerSettings after = RetroGateConfiguration.get().getTracker();
        assertThat(after).isNotSameAs(tracker).usingRecursiveComparison().isEqualTo(tracker);
        assertThat(after.getCredentialsId()).isEqualTo("jira-login");
        String saved = Files.readString(j.jenkins.getRootDir().toPath()
                .resolve(RetroGateConfiguration.get().getId() + ".xml"), StandardCharsets.UTF_8);
        assertThat(saved).contains("jira-login").doesNotContain(SECRET);
    }

    @Test
    void noTrackerStaysNoTrackerThroughTheForm() throws Exception {
        j.configRoundtrip();
        assertThat(RetroGateConfiguration.get().getTracker()).isNull();
    }

    @Test
    void invalidTrackerSettingsAreRefusedNamingTheField() {
        TrackerSettings tracker = new TrackerSettings(TrackerKind.JIRA_CLOUD, "https://acme.atlassian.net",
                "not a key", "jira-login");
        assertThatThrownBy(() -> RetroGateConfiguration.get().setTracker(tracker))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("project 'NOT A KEY' is not a Jira project key");
        assertThat(RetroGateConfiguration.get().getTracker()).isNull();
    }

    @Test
    void testConnectionRefusesUsersWhoAreNotAdministrators() throws Exception {
        secure();
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login("reader");
        WebResponse response = wc.getPage(testConnection(wc, "JIRA_CLOUD", "http://127.0.0.1:1", "PAY",
                "jira-login")).getWebResponse();
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getContentAsString()).doesNotContain(SECRET);

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThatThrownBy(() -> descriptor().doTestConnection("JIRA_CLOUD", "http://127.0.0.1:1", "PAY",
                    "jira-login")).isInstanceOf(AccessDeniedException3.class);
        }
    }

    @Test
    void testConnectionReportsAnUnreachableTrackerWithoutTheSecret() throws Exception {
        secure();
        String url = "http://127.0.0.1:" + unusedPort();
        FormValidation jira;
        FormValidation github;
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            jira = descriptor().doTestConnection("JIRA_CLOUD", url, "PAY", "jira-login");
            github = descriptor().doTestConnection("GITHUB", url, "acme/shop", "github-token");
        }
        for (FormValidation result : new FormValidation[] {jira, github}) {
            assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(result.getMessage()).contains("could not be reached at 127.0.0.1").doesNotContain(SECRET);
        }

        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login("admin");
        WebResponse response = wc.getPage(testConnection(wc, "JIRA_CLOUD", url, "PAY", "jira-login"))
                .getWebResponse();
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("could not be reached").doesNotContain(SECRET);
    }

    @Test
    void testConnectionNamesAMissingCredentialByIdOnly() throws Exception {
        FormValidation result = descriptor().doTestConnection("JIRA_CLOUD", "https://acme.atlassian.net", "PAY",
                "no-such-id");
        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(result.getMessage()).contains("no-such-id");
    }

    private void secure() {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().toEveryone()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
    }

    private static TrackerSettings.DescriptorImpl descriptor() {
        return ExtensionList.lookupSingleton(TrackerSettings.DescriptorImpl.class);
    }

    private static WebRequest testConnection(JenkinsRule.WebClient wc, String kind, String url, String project,
            String credentialsId) throws Exception {
        WebRequest request = new WebRequest(wc.createCrumbedUrl(TEST_CONNECTION), HttpMethod.POST);
        request.setRequestParameters(java.util.List.of(
                new org.htmlunit.util.NameValuePair("kind", kind),
                new org.htmlunit.util.NameValuePair("url", url),
                new org.htmlunit.util.NameValuePair("project", project),
                new org.htmlunit.util.NameValuePair("credentialsId", credentialsId)));
        return request;
    }

    /** A port nothing listens on: bound once, then released. */
    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
