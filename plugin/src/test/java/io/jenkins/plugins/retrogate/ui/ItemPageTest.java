package io.jenkins.plugins.retrogate.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Failure;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.jenkins.FakeJenkins;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/** An action item's page: who sees the forms, who may resolve or drop, and who is recorded. */
class ItemPageTest {
    private final RetroGate engine = PageFixtures.engine();
    private final FakeJenkins jenkins = new FakeJenkins().as("carol");
    private final ActionItem blocking = PageFixtures.item(engine, PageFixtures.incident(engine, "checkout-api"),
            "Alert on checkout error rate", Priority.P0, ItemType.PREVENTATIVE);

    @Test
    void aReaderSeesNoFormsAndMayNotResolve() {
        jenkins.grant(Jenkins.READ);
        ItemPage page = page();

        assertThat(page.isManager()).isFalse();
        assertThatThrownBy(() -> page.doResolve("commit 4f2a")).isInstanceOf(FakeJenkins.Refused.class)
                .hasMessageContaining("Manage");
        assertThat(status()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void aManagerResolvesAndIsRecordedAsTheResolver() {
        jenkins.grant(RetroGatePermissions.MANAGE);
        ItemPage page = page();

        assertThat(page.isManager()).isTrue();
        page.doResolve("commit 4f2a");

        ActionItem after = engine.state().item(blocking.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ItemStatus.RESOLVED);
        assertThat(after.resolvedBy()).isEqualTo("carol");
        assertThat(after.fix()).isEqualTo("commit 4f2a");
    }

    @Test
    void droppingABlockingItemNeedsOverrideTooAndARefusalChangesNothing() {
        jenkins.grant(RetroGatePermissions.MANAGE);

        assertThatThrownBy(() -> page().doDrop("no longer needed")).isInstanceOf(Failure.class)
                .hasMessageContaining("dropping it needs the Override permission, which carol does not have");
        assertThat(status()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void anAdministratorHoldsBothPermissionsAndDropsIt() {
        jenkins.grant(Jenkins.ADMINISTER);

        page().doDrop("the service was retired");

        assertThat(status()).isEqualTo(ItemStatus.DROPPED);
    }

    private ItemPage page() {
        return PageFixtures.page(jenkins, engine).getItem(blocking.id());
    }

    private ItemStatus status() {
        return engine.state().item(blocking.id()).orElseThrow().status();
    }
}
