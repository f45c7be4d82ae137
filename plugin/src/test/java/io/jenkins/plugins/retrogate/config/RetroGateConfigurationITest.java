package io.jenkins.plugins.retrogate.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.PolicyRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration as Code: YAML in, the engine's policy and tracker settings out, and the same YAML exported back. */
@WithJenkinsConfiguredWithCode
class RetroGateConfigurationITest {

    @Test
    @ConfiguredWithCode("casc.yaml")
    void configuresThePolicyFromYaml(JenkinsConfiguredWithCodeRule r) {
        RetroGateConfiguration configuration = RetroGateConfiguration.get();
        GatePolicy policy = configuration.policy();
        assertThat(policy.isProduction("prod-eu")).isTrue();
        assertThat(policy.isProduction("live")).isTrue();
        assertThat(policy.isProduction("staging")).isFalse();
        assertThat(policy.productionMode()).isEqualTo(GateMode.WARN);
        assertThat(policy.blockPriority()).isEqualTo(Priority.P1);
        assertThat(policy.blockTypes()).containsExactlyInAnyOrder(ItemType.PREVENTATIVE, ItemType.MITIGATIVE);
        assertThat(policy.fourEyes()).isFalse();
        assertThat(policy.requireBlameFreeText()).isTrue();
        assertThat(policy.postRollbackFreeze()).isTrue();
        assertThat(policy.staleIncidentDays()).isEqualTo(14);
        assertThat(policy.openIncidentsOutsideProduction()).isTrue();
        assertThat(policy.maxOverrideWindow()).isEqualTo(Duration.ofHours(8));
        assertThat(policy.rules()).hasSize(1);
        assertThat(policy.ruleFor("payments-api", null).mode()).isEqualTo(GateMode.BLOCK);
        assertThat(policy.ruleFor("payments-api", null).scope()).isEqualTo(PolicyRule.Scope.SERVICE);
        assertThat(policy.requiredApprovals("payments-api", "production")).isEqualTo(2);
        assertThat(policy.requiredApprovals("search", "production")).isEqualTo(1);
        assertThat(configuration.ticketPattern().matcher("fixes OPS-12").find()).isTrue();
        assertThat(configuration.storeDirectory()).isEqualTo(r.jenkins.getRootDir().toPath().resolve("gate-data"));
    }

    @Test
    @ConfiguredWithCode("casc.yaml")
    void configuresTheTrackerFromYaml(JenkinsConfiguredWithCodeRule r) {
        TrackerSettings tracker = RetroGateConfiguration.get().getTracker();
        assertThat(tracker.getKind()).isEqualTo(TrackerKind.JIRA_CLOUD);
        assertThat(tracker.getUrl()).isEqualTo("https://acme.atlassian.net");
        assertThat(tracker.getProject()).isEqualTo("PAY");
        assertThat(tracker.getCredentialsId()).isEqualTo("jira-cloud-token");
        assertThat(tracker.getDoneStatuses()).isEqualTo("Released");
        assertThat(tracker.getPriorities()).isEqualTo("P0=Highest\nP1=High");
        assertThat(tracker.isFileTickets()).isTrue();
        assertThat(tracker.syncInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(tracker.staleAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(tracker.getIssueType()).isEqualTo("Task");
        assertThat(tracker.system()).isEqualTo(TicketSystem.JIRA);
    }

    @Test
    @ConfiguredWithCode("casc.yaml")
    void exportedYamlConfiguresTheSamePolicy(JenkinsConfiguredWithCodeRule r, @TempDir Path dir) throws Exception {
        GatePolicy configured = RetroGateConfiguration.get().policy();
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("retroGate");
        String exported = Util.toYamlString(node);
        assertThat(exported).contains("productionMode").contains("WARN").contains("payments-*");

        assertThat(exported).contains("tracker").contains("jira-cloud-token").contains("JIRA_CLOUD");
        TrackerSettings tracker = RetroGateConfiguration.get().getTracker();

        RetroGateConfiguration.get().setProductionMode(GateMode.BLOCK);
        RetroGateConfiguration.get().setRules(List.of());
        RetroGateConfiguration.get().setTracker(null);
        assertThat(RetroGateConfiguration.get().policy()).isNotEqualTo(configured);
        Path yaml = dir.resolve("exported.yaml");
        Files.writeString(yaml, "unclassified:\n  retroGate:\n" + exported.indent(4));
        ConfigurationAsCode.get().configure(yaml.toString());
        assertThat(RetroGateConfiguration.get().policy()).isEqualTo(configured);
        assertThat(RetroGateConfiguration.get().getTracker()).usingRecursiveComparison().isEqualTo(tracker);
    }

    @Test
    @ConfiguredWithCode("casc.yaml")
    void formRoundTripKeepsTheSettings(JenkinsConfiguredWithCodeRule r) throws Exception {
        GatePolicy before = RetroGateConfiguration.get().policy();
        TrackerSettings tracker = RetroGateConfiguration.get().getTracker();
        r.configRoundtrip();
        assertThat(RetroGateConfiguration.get().policy()).isEqualTo(before);
        assertThat(RetroGateConfiguration.get().getTracker()).isNotSameAs(tracker).usingRecursiveComparison()
                .isEqualTo(tracker);
    }
}
