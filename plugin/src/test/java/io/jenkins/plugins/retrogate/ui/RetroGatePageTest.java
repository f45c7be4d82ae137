package io.jenkins.plugins.retrogate.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.jenkins.FakeJenkins;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/** The Retro Gate page: who finds it, what its board shows, who may open incidents and sync the tracker. */
class RetroGatePageTest {
    private final RetroGate engine = PageFixtures.engine();
    private final FakeJenkins jenkins = new FakeJenkins().as("rita");

    @Test
    void onlyThoseWhoMayReadFindItInTheMenu() {
        assertThat(PageFixtures.page(jenkins, engine).getIconFileName()).isNull();
        assertThat(PageFixtures.page(jenkins.grant(Jenkins.READ), engine).getIconFileName())
                .isEqualTo("symbol-shield-warning");
    }

    @Test
    void theBoardShowsOneStatusMostUrgentFirstAndOpenForAnUnknownOne() {
        String incident = PageFixtures.incident(engine, "checkout-api");
        ActionItem later = PageFixtures.item(engine, incident, "Document the runbook", Priority.P2, ItemType.OTHER);
        ActionItem urgent = PageFixtures.item(engine, incident, "Alert on error rate", Priority.P0,
                ItemType.PREVENTATIVE);
        ActionItem done = PageFixtures.item(engine, incident, "Add a canary", Priority.P1, ItemType.PREVENTATIVE);
        engine.resolveItem(PageFixtures.MANAGER, done.id(), "commit 4f2a");
        RetroGatePage page = PageFixtures.page(jenkins.grant(Jenkins.READ), engine);

        assertThat(page.items("OPEN", null).getEntries()).extracting(ActionItem::id)
                .containsExactly(urgent.id(), later.id());
        assertThat(page.items("resolved", null).getEntries()).extracting(ActionItem::id).containsExactly(done.id());
        assertThat(page.items("<script>", null).getEntries()).extracting(ActionItem::id)
                .containsExactly(urgent.id(), later.id());
        assertThat(page.getItemCounts()).containsEntry("OPEN", 2L).containsEntry("RESOLVED", 1L)
                .containsEntry("VERIFIED", 0L);
    }

    @Test
    void aReaderSeesNoFormsAndMayNotOpenAnIncident() {
        RetroGatePage page = PageFixtures.page(jenkins.grant(Jenkins.READ), engine);

        assertThat(page.isManager()).isFalse();
        assertThat(page.isOverrider()).isFalse();
        assertThatThrownBy(() -> page.doOpenIncident("Payments down", "SEV1", "payments-api", "ALERT"))
                .isInstanceOf(FakeJenkins.Refused.class);
        assertThat(engine.state().incidents()).isEmpty();
    }

    @Test
    void aManagerOpensAnIncidentInTheirOwnName() {
        RetroGatePage page = PageFixtures.page(jenkins.grant(RetroGatePermissions.MANAGE), engine);

        page.doOpenIncident("Payments down", "SEV1", "payments-api", "ALERT");

        Incident opened = engine.state().incident("INC-1").orElseThrow();
        assertThat(opened.title()).isEqualTo("Payments down");
        assertThat(opened.affectedServices()).containsExactly("payments-api");
        assertThat(opened.openedBy()).isEqualTo("rita");
    }

    @Test
    void syncNowIsRefusedToReadersBeforeAnythingElse() {
        RetroGatePage page = PageFixtures.page(jenkins.grant(Jenkins.READ), engine);

        // no tracker configuration is even looked at: the fake has none to give
        assertThatThrownBy(page::doSyncTrackers).isInstanceOf(FakeJenkins.Refused.class);
    }
}
