package io.jenkins.plugins.retrogate.config;

import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.ExtensionList;
import hudson.model.Result;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A store that cannot open leaves Jenkins running, tells administrators why, and fails gated deployments. */
@WithJenkins
class StoreMonitorITest {

    @Test
    void storeThatCannotOpenShowsTheEnginesMessageAndFailsTheGate(JenkinsRule j) throws Exception {
        RetroGateStore store = RetroGateStore.get();
        StoreMonitor monitor = ExtensionList.lookupSingleton(StoreMonitor.class);
        assertThat(monitor.isActivated()).isFalse();

        store.close();
        Files.writeString(j.jenkins.getRootDir().toPath().resolve("not-a-directory"), "a file");
        RetroGateConfiguration.get().setStoreLocation("not-a-directory");
        store.open();

        assertThat(store.isOpen()).isFalse();
        assertThat(monitor.isActivated()).isTrue();
        assertThat(monitor.getMessage()).startsWith("Retro Gate could not open its store at ")
                .contains("not-a-directory").contains("IO");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE,
                pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production')"));
        j.assertLogContains("Retro Gate could not open its store", b);
        String page = j.createWebClient().goTo("retro-gate/").asNormalizedText();
        assertThat(page).contains("Retro Gate's store is not available")
                .doesNotContain("No deployment is waiting for an override"); // no lists that would lie by being empty
    }

    @Test
    void aDatabaseAddressIsRefusedAtSaveAndChangesNothing(JenkinsRule j) {
        RetroGateConfiguration configuration = RetroGateConfiguration.get();
        String before = configuration.getStoreLocation();

        assertThatThrownBy(() -> configuration.setStoreLocation("postgresql://db.example:5432/retro?user=jenkins"))
                .hasMessageStartingWith("storeLocation 'postgresql://db.example:5432/retro?user=jenkins' is a database"
                        + " address: the store location is a directory").hasMessageContaining("databaseUrl")
                .hasMessageContaining("databaseCredentialsId");

        assertThat(configuration.getStoreLocation()).isEqualTo(before);
        assertThat(RetroGateStore.get().isOpen()).isTrue();
    }
}
