package io.jenkins.plugins.retrogate.engine.state;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.MITIGATIVE;
import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P2;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The lists both front-ends show, filtered and ordered once: ids in number order (INC-10 after
 * INC-2, A10 after A2), the board most urgent first, incidents oldest or newest first, pending
 * requests and overrides in force, and pages that never fail on a junk page number.
 */
class ListingsTest {
    private final Scenario scenario = new Scenario();

    private Incident incident(String service) {
        scenario.tick();
        return scenario.gate.openIncident(Scenario.ALICE, new NewIncident("down: " + service, null, List.of(service),
                null, null));
    }

    @Test
    void itemsAreListedAsWrittenInNumberOrderAndFilteredByStatusServiceAndIncident() {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            incidents.add(incident(i % 2 == 0 ? "cart" : "search"));
        }
        Incident tenth = incidents.get(9);
        List<ActionItem> items = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(i -> items.add(scenario.item(tenth, P2, MITIGATIVE, null)));
        ActionItem second = scenario.item(incidents.get(1), P0, PREVENTATIVE, null);
        scenario.resolve(items.get(0));
        RetroState state = scenario.store.state();

        assertThat(Listings.items(state, null, null, null, Listings.AS_WRITTEN)).extracting(ActionItem::id)
                .startsWith("INC-2-A1", "INC-10-A1", "INC-10-A2").endsWith("INC-10-A9", "INC-10-A10");
        assertThat(Listings.items(state, ItemStatus.RESOLVED, null, null, Listings.AS_WRITTEN))
                .extracting(ActionItem::id).containsExactly("INC-10-A1");
        assertThat(Listings.items(state, ItemStatus.OPEN, null, "INC-10", Listings.AS_WRITTEN)).hasSize(9);
        assertThat(Listings.items(state, null, "cart", null, Listings.AS_WRITTEN)).hasSize(11);
        assertThat(Listings.items(state, null, "search", null, Listings.AS_WRITTEN)).isEmpty();
        assertThat(Listings.items(state, ItemStatus.OPEN, null, null, Listings.MOST_URGENT).get(0))
                .isEqualTo(second);
        assertThat(Listings.itemCounts(state)).containsEntry(ItemStatus.OPEN, 10L)
                .containsEntry(ItemStatus.RESOLVED, 1L).containsEntry(ItemStatus.VERIFIED, 0L)
                .containsEntry(ItemStatus.DROPPED, 0L);
    }

    @Test
    void incidentsAreListedOldestOrNewestFirstAndFiltered() {
        for (int i = 1; i <= 11; i++) {
            incident(i == 11 ? "search" : "cart");
        }
        RetroState state = scenario.store.state();

        assertThat(Listings.incidents(state, null, null, Listings.OLDEST_FIRST)).extracting(Incident::id)
                .startsWith("INC-1", "INC-2").endsWith("INC-10", "INC-11");
        assertThat(Listings.incidents(state, null, null, Listings.NEWEST_FIRST)).extracting(Incident::id)
                .startsWith("INC-11", "INC-10");
        assertThat(Listings.incidents(state, IncidentStatus.OPEN, "search", Listings.OLDEST_FIRST))
                .extracting(Incident::id).containsExactly("INC-11");
        assertThat(Listings.incidents(state, IncidentStatus.REVIEWED, null, Listings.OLDEST_FIRST)).isEmpty();
    }

    @Test
    void requestsAndOverridesAreThePendingAndInForceOnesUnlessAllAreAskedFor() {
        scenario.item(scenario.rollback("cart"), P0, PREVENTATIVE, null);
        scenario.gate.gate(Scenario.ALICE, scenario.request("cart", "production"));
        scenario.gate.approveOverride(Scenario.RELEASE_MANAGER,
                new OverrideGrant("cart", "production", null, "hotfix", Duration.ofHours(1)));
        scenario.clock.advance(Duration.ofHours(2));
        RetroState state = scenario.store.state();

        assertThat(Listings.requests(state, true)).isEmpty();
        assertThat(Listings.requests(state, false)).hasSize(1);
        assertThat(Listings.overrides(state, scenario.clock.instant())).isEmpty();
        assertThat(Listings.overrides(state, null)).hasSize(1);
    }

    @Test
    void aPageIsNeverOutOfRange() {
        List<Integer> sixty = IntStream.rangeClosed(1, 60).boxed().toList();

        assertThat(Page.of(sixty, null).getEntries()).hasSize(Page.SIZE).startsWith(1);
        assertThat(Page.of(sixty, " 3 ").getEntries()).containsExactly(51, 52, 53, 54, 55, 56, 57, 58, 59, 60);
        assertThat(Page.of(sixty, "99").getNumber()).isEqualTo(3);
        assertThat(Page.of(sixty, "-4").isFirst()).isTrue();
        assertThat(Page.of(sixty, "junk").getNumber()).isEqualTo(1);
        assertThat(Page.of(List.of(), "2").getPages()).isEqualTo(1);
        assertThat(Page.of(sixty, "2").getTotal()).isEqualTo(60);
    }
}
