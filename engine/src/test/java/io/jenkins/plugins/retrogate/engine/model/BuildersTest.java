package io.jenkins.plugins.retrogate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildersTest {
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    private static ActionItem.Builder item() {
        return ActionItem.builder().id("INC-1-A1").incidentId("INC-1").title("add a canary").priority(Priority.P0)
                .type(ItemType.PREVENTATIVE).services(Set.of("checkout-api")).status(ItemStatus.OPEN).createdAt(AT);
    }

    private static Incident.Builder incident() {
        return Incident.builder().id("INC-1").title("checkout down").severity(Severity.SEV1)
                .affectedServices(List.of("checkout-api")).detection(Detection.ALERT).detectedAt(AT)
                .status(IncidentStatus.OPEN);
    }

    @Test
    void anItemBuiltByNameHoldsWhatWasSetAndNothingElse() {
        ActionItem built = item().owner("alice").due(LocalDate.parse("2026-11-09")).build();

        assertThat(built.owner()).isEqualTo("alice");
        assertThat(built.due()).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(built.guards("checkout-api")).isTrue();
        assertThat(built.ticket()).isNull();
        assertThat(built.resolvedAt()).isNull();
        assertThat(built.note()).isNull();
    }

    @Test
    void toBuilderKeepsEveryFieldAndChangesOnlyWhatIsSet() {
        ActionItem item = item().owner("alice").build().resolved(AT, "bob", Resolution.MANUAL, "commit abc", "DEP-1");
        Incident full = incident().responseStartedAt(AT).rootCause("a bad config").signature("timeout")
                .openedBy("alice").updatedAt(AT).build();

        assertThat(item.toBuilder().build()).isEqualTo(item);
        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(item.toBuilder().owner("carol").build()).isEqualTo(new ActionItemView(item).withOwner("carol"));
        assertThat(full.toBuilder().title("checkout slow").build().rootCause()).isEqualTo("a bad config");
    }

    @Test
    void buildingWithoutARequiredFieldFailsNamingIt() {
        assertThatThrownBy(() -> item().title(null).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("ActionItem.Builder: title is required but was not set");
        assertThatThrownBy(() -> item().services(null).build())
                .hasMessage("ActionItem.Builder: services is required but was not set");
        assertThatThrownBy(() -> incident().detectedAt(null).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("Incident.Builder: detectedAt is required but was not set");
        assertThatThrownBy(() -> ActionItem.builder().build()).hasMessageContaining(" id is required");
    }

    /** The item with another owner, field by field: what toBuilder().owner(..) must equal. */
    private record ActionItemView(ActionItem i) {
        ActionItem withOwner(String owner) {
            return ActionItem.builder().id(i.id()).incidentId(i.incidentId()).title(i.title()).priority(i.priority())
                    .type(i.type()).owner(owner).ticket(i.ticket()).services(i.services()).due(i.due())
                    .status(i.status()).createdAt(i.createdAt()).createdBy(i.createdBy()).resolvedAt(i.resolvedAt())
                    .resolvedBy(i.resolvedBy()).resolution(i.resolution()).fix(i.fix())
                    .fixDeployment(i.fixDeployment()).verifiedAt(i.verifiedAt()).verifiedBy(i.verifiedBy())
                    .note(i.note()).build();
        }
    }
}
