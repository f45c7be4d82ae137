package io.jenkins.plugins.retrogate.engine.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsAndSecretsTest {

    @Test
    void secretsAndCredentialsNeverShowTheToken() {
        TrackerSecret secret = TrackerSecret.of("ghp_abcdefghijklmnop");
        TrackerCredentials basic = TrackerCredentials.basic("alice@acme.com", secret);

        assertThat(secret).hasToString("******");
        assertThat(basic.toString()).isEqualTo("basic auth as alice@acme.com with token ******");
        assertThat(TrackerCredentials.bearer(secret).toString()).isEqualTo("bearer token ******");
        assertThat(basic.scrub("bad token ghp_abcdefghijklmnop")).isEqualTo("bad token ******");
    }

    @Test
    void aBlankTokenIsRefusedWithoutEchoingAnything() {
        assertThatThrownBy(() -> TrackerSecret.of("  ")).isInstanceOfSatisfying(TrackerException.class,
                e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.CONFIGURATION))
                .hasMessage("the tracker token is missing or blank");
        assertThatThrownBy(() -> TrackerCredentials.basic("a:b", TrackerSecret.of("x")))
                .hasMessageContaining("contains ':'");
    }

    @Test
    void baseUrlsMustBeHttpWithoutCredentialsInThem() {
        assertThatThrownBy(() -> JiraSettings.cloud("ftp://acme.atlassian.net", "PAY"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("jira.baseUrl"));
        assertThatThrownBy(() -> JiraSettings.cloud("https://bob:hunter2@acme.atlassian.net", "PAY"))
                .hasMessageNotContaining("hunter2").hasMessageContaining("must not contain a user name or password");
        assertThatThrownBy(() -> GitHubSettings.of("acme/shop").withApiUrl("https://api.github.com?x=1"))
                .hasMessageContaining("must not have a query");
        assertThat(JiraSettings.cloud("https://acme.atlassian.net/", "pay").baseUrl())
                .hasToString("https://acme.atlassian.net");
    }

    @Test
    void jiraSettingsSayWhatIsAllowed() {
        JiraSettings cloud = JiraSettings.cloud("https://acme.atlassian.net", "pay");

        assertThat(cloud.projectKey()).isEqualTo("PAY");
        assertThat(cloud.apiVersion()).isEqualTo(3);
        assertThat(JiraSettings.dataCenter("https://jira.acme.com", "OPS").apiVersion()).isEqualTo(2);
        assertThatThrownBy(() -> JiraSettings.dataCenter("https://jira.acme.com", "OPS").withApiVersion(3))
                .hasMessage("jira.apiVersion '3' must be 2 or 3 for Jira Cloud and 2 for Jira Data Center");
        assertThatThrownBy(() -> cloud.withLabels(Set.of("has space")))
                .hasMessage("jira.labels 'has space' is not a Jira label: no spaces, at most 255 characters");
        assertThatThrownBy(() -> cloud.withDone(Set.of(), Set.of(), Set.of()))
                .hasMessageContaining("nothing could ever count as done");
        assertThatThrownBy(() -> JiraSettings.cloud("https://acme.atlassian.net", "1PAY"))
                .hasMessage("jira.projectKey '1PAY' is not a Jira project key like PAY");
    }

    @Test
    void jiraDoneMappingUsesCategoriesStatusesAndNotFixedResolutions() {
        JiraSettings settings = JiraSettings.cloud("https://acme.atlassian.net", "PAY")
                .withDone(Set.of("done"), Set.of("Released"), Set.of("Won't Do"));

        assertThat(settings.isClosed("done", "Closed")).isTrue();
        assertThat(settings.isClosed("indeterminate", "released")).isTrue();
        assertThat(settings.isClosed("indeterminate", "In Review")).isFalse();
        assertThat(settings.isNotFixed("won't do")).isTrue();
        assertThat(settings.isNotFixed("Fixed")).isFalse();
    }

    @Test
    void gitHubRepositoryAndKeysAreChecked() {
        assertThatThrownBy(() -> GitHubSettings.of("not a repo"))
                .hasMessage("github.repository 'not a repo' is not a repository like owner/repo");
        assertThat(GitHubIssueKey.parse("#42", "acme/shop")).isEqualTo(new GitHubIssueKey("acme/shop", 42));
        assertThat(GitHubIssueKey.parse("acme/infra#7", "acme/shop")).isEqualTo(new GitHubIssueKey("acme/infra", 7));
        assertThat(GitHubIssueKey.parse("#42", null)).isNull();
        assertThat(GitHubIssueKey.parse("PAY-12", "acme/shop")).isNull();
    }

    @Test
    void syncOptionsRefuseTicketsFiledAsPlainUrls() {
        assertThatThrownBy(() -> TrackerSyncOptions.defaults().fileTicketsIn(TicketSystem.URL, null))
                .hasMessage("fileTicketsIn 'URL' must be JIRA or GITHUB");
    }

    @Test
    void retryPolicyDoublesUpToItsCeiling() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.backoff(1)).hasSeconds(1);
        assertThat(policy.backoff(3)).hasSeconds(4);
        assertThat(policy.backoff(9)).hasSeconds(30);
        assertThatThrownBy(() -> new RetryPolicy(0, policy.initialBackoff(), policy.maxBackoff(), policy.maxWait()))
                .hasMessage("maxAttempts '0' must be between 1 and 10");
    }
}
