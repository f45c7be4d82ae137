package io.jenkins.plugins.retrogate.tracker;

import static io.jenkins.plugins.retrogate.Fixtures.blockingItem;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.retrogate.config.RetroGateConfiguration;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.config.TrackerKind;
import io.jenkins.plugins.retrogate.config.TrackerSettings;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.tracker.SyncReport;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncState;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import io.jenkins.plugins.retrogate.ui.GateRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The tracker sync as the plugin runs it: its state file, its log, and decisions that say how old their data is. */
@WithJenkins
class TrackerSyncITest {
    private static final String SECRET = "s3cr3t-jira-pat-0815";

    @Test
    void aFailedSyncIsSavedAndTheDecisionSaysHowOldItsTrackerDataIs(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "jira-pat", "Jira PAT", Secret.fromString(SECRET)));
        TrackerSettings tracker = new TrackerSettings(TrackerKind.JIRA_DATA_CENTER,
                "http://127.0.0.1:" + unusedPort(), "PAY", "jira-pat");
        RetroGateConfiguration.get().setTracker(tracker);
        blockingItem("checkout-api"); // its ticket is PAY-123

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SyncReport report = TrackerSyncWork.get().sync(tracker, new StreamTaskListener(log, StandardCharsets.UTF_8));

        assertThat(report.succeeded()).isFalse();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("tracker sync: ", "JIRA failed", "could not be reached")
                .doesNotContain(SECRET);
        Path file = RetroGateStore.get().directory().resolve(TrackerSyncFile.FILE_NAME);
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(saved).doesNotContain(SECRET);
        assertThat(TrackerSyncState.fromJson(saved).health(TicketSystem.JIRA).failing()).isTrue();

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE,
                pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production')"));
        j.assertLogContains("Tracker data behind this decision may be out of date", b);
        j.assertLogContains("PAY-123", b);
        j.assertLogNotContains(SECRET, b);
        GateRecord gate = RetroGateBuildAction.of(b).getGates().get(0);
        assertThat(gate.getTrackerNotice()).contains("Jira tracker data was never synced", "last sync failed");
        assertThat(j.createWebClient().getPage(b).asNormalizedText())
                .contains("Tracker data behind this decision may be out of date");
    }

    @Test
    void withoutATrackerDecisionsCarryNoNotice(JenkinsRule j) throws Exception {
        blockingItem("checkout-api");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE,
                pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production')"));
        j.assertLogNotContains("Tracker data", b);
        assertThat(RetroGateBuildAction.of(b).getGates().get(0).getTrackerNotice()).isNull();
    }

    @Test
    void syncNowNeedsTheManagePermissionAndRecordsWhatHappened(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().toEveryone()
                .grant(RetroGatePermissions.MANAGE).everywhere().to("manager"));
        // No such credential: the sync fails at once, without a network call.
        RetroGateConfiguration.get().setTracker(new TrackerSettings(TrackerKind.GITHUB, null, "acme/shop",
                "missing-token"));

        assertThat(post(j, "reader", "retro-gate/syncTrackers")).isEqualTo(403);
        JenkinsRule.WebClient get = j.createWebClient().login("manager").withThrowExceptionOnFailingStatusCode(false);
        assertThat(get.goTo("retro-gate/syncTrackers").getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(TrackerSyncFile.get().state().health(TicketSystem.GITHUB).lastAttemptAt()).isNull();

        assertThat(post(j, "manager", "retro-gate/syncTrackers")).isEqualTo(200);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!TrackerSyncFile.get().state().health(TicketSystem.GITHUB).failing()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(TrackerSyncFile.get().state().health(TicketSystem.GITHUB).lastError()).contains("missing-token");
        assertThat(j.createWebClient().login("reader").goTo("retro-gate/").asNormalizedText())
                .contains("Ticket tracker", "GitHub: tracker data was never synced; last sync failed");
    }

    @Test
    void anUnreadableStateFileIsMovedAsideAndANewOneIsWrittenWhole(JenkinsRule j) throws Exception {
        TrackerSyncFile syncFile = TrackerSyncFile.get();
        Path file = syncFile.file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\": 1, \"tickets\": [", StandardCharsets.UTF_8);

        assertThat(syncFile.state()).isEqualTo(TrackerSyncState.empty());
        assertThat(file).doesNotExist();
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith(TrackerSyncFile.FILE_NAME + ".unreadable-"));
        }

        syncFile.save(TrackerSyncState.empty());
        assertThat(TrackerSyncState.fromJson(Files.readString(file, StandardCharsets.UTF_8)))
                .isEqualTo(TrackerSyncState.empty());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private static int post(JenkinsRule j, String user, String path) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login(user).withThrowExceptionOnFailingStatusCode(false);
        return wc.getPage(new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST)).getWebResponse().getStatusCode();
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
