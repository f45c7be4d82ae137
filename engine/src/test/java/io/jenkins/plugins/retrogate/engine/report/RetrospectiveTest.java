package io.jenkins.plugins.retrogate.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetrospectiveTest {
    private final Scenario s = new Scenario();
    private Incident first;
    private Incident second;

    /**
     * cart: a deployment rolled back (first incident: root cause recorded, one P1 item, reviewed); a
     * second deployment rolled back (second incident): rita records a mitigation and links the first, a
     * P0 is added, the fix deployment naming PAY-2 verifies it, and dana is recorded as having identified it.
     */
    @BeforeEach
    void story() {
        s.deploy("cart", "production", Outcome.SUCCEEDED);
        first = s.rollback("cart");
        s.item(first, Priority.P1, ItemType.PREVENTATIVE, "PAY-1");
        s.tick();
        // reviewed before the team turned retro readiness on: its questions stay open in the document
        s.policy = io.jenkins.plugins.retrogate.engine.policy.GatePolicy.builder().requireRetroReadiness(false).build();
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(first.id())
                .withRootCause("cache TTL longer than the config reload").withStatus(IncidentStatus.REVIEWED));
        s.policy = io.jenkins.plugins.retrogate.engine.policy.GatePolicy.defaults();
        s.clock.advance(Duration.ofDays(3));
        s.deploy("cart", "production", Outcome.SUCCEEDED);
        second = s.rollback("cart");
        s.tick();
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(second.id())
                .withMitigation(MitigationKind.TEMPORARY, "feature flag off").withSimilar(first.id()));
        s.item(second, Priority.P0, ItemType.PREVENTATIVE, "PAY-2");
        s.tick();
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(second.id())
                .withContributor(ContributorRole.IDENTIFIED, "dana"));
        s.deploy("cart", "production", Outcome.SUCCEEDED, "PAY-2");
    }

    private Retrospective retro(String id) {
        return Retrospective.of(s.store.state(), s.gate.events(), id, s.clock.instant());
    }

    @Test
    void theTimelineTellsTheStoryInOrderWithWhoRecordedEachStep() {
        List<String> whats = retro(second.id()).timeline().stream().map(Retrospective.Entry::what).toList();
        assertThat(whats).hasSize(9);
        assertThat(whats.get(0)).startsWith("Trigger deployment").contains("cart 1.0 to production");
        assertThat(whats.get(1)).startsWith("Detected (rollback)");
        assertThat(whats.get(2)).startsWith("Rolled back cart").endsWith("error rate up");
        assertThat(whats.get(3)).isEqualTo("Mitigation (temporary): feature flag off");
        assertThat(whats.get(4)).isEqualTo("Linked as similar to " + first.id());
        assertThat(whats.get(5)).startsWith("Action item " + second.id() + "-A1 added (P0)");
        assertThat(whats.get(6)).startsWith("Deployment ").contains("cart 1.0 to production");
        String fix = whats.get(6).substring("Deployment ".length(), whats.get(6).indexOf(" started"));
        assertThat(whats.get(7)).startsWith("Action item " + second.id() + "-A1 resolved by deployment " + fix);
        assertThat(whats.get(8)).startsWith("Action item " + second.id() + "-A1 verified in production by deployment "
                + fix + " (cart 1.0 to production)");
        assertThat(retro(second.id()).timeline()).extracting(Retrospective.Entry::source)
                .contains("alice", "rita");
        assertThat(retro(second.id()).timeline()).isSortedAccordingTo(
                java.util.Comparator.comparing(Retrospective.Entry::at));
    }

    @Test
    void theResponseStartTheRootCauseAndTheRetrospectivesAnswersAreOnTheTimelineOnce() {
        s.tick();
        java.time.Instant response = s.clock.instant().minusSeconds(30);
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(second.id()).withResponseStartedAt(response)
                .withRootCause("config reload raced the cache"));
        s.tick();
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(second.id()).withTitleAndSeverity(
                "Cart errors after the reload", io.jenkins.plugins.retrogate.engine.model.Severity.SEV2));

        List<Retrospective.Entry> timeline = retro(second.id()).timeline();

        assertThat(timeline).filteredOn(e -> e.what().equals("Response started")).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(response));
        assertThat(timeline).extracting(Retrospective.Entry::what)
                .containsOnlyOnce("Root cause recorded: config reload raced the cache");
        assertThat(RetrospectiveMarkdown.write(retro(second.id()))).contains("Response started",
                "Root cause recorded: config reload raced the cache");
    }

    @Test
    void questionsWithoutAnAnswerAreOpenForTheMeeting() {
        List<Retrospective.Question> q = retro(first.id()).questions();
        assertThat(q).extracting(Retrospective.Question::answer).element(0).isEqualTo("cart");
        assertThat(q.get(2).open()).as("response start never recorded").isTrue();
        assertThat(q.get(4).open()).as("no similar incident linked").isTrue();
        assertThat(q.get(3).answer()).startsWith("rollback of cart in production");
        List<Retrospective.Question> answered = retro(second.id()).questions();
        assertThat(answered.get(3).answer()).startsWith("feature flag off (temporary");
        assertThat(answered.get(4).answer()).isEqualTo("yes: " + first.id());
        assertThat(RetrospectiveMarkdown.write(retro(first.id())))
                .contains("**When did the response start?** *Open question: to settle in the meeting.*");
    }

    @Test
    void peopleAreProposedFromTheEventsAndRecordedContributorsWin() {
        List<Retrospective.Person> people = retro(second.id()).people();
        assertThat(people).contains(new Retrospective.Person(ContributorRole.INTRODUCED, "alice", false,
                "started the trigger deployment"));
        assertThat(people).contains(new Retrospective.Person(ContributorRole.RESPONDED, "rita", false,
                "recorded a mitigation"));
        assertThat(people).filteredOn(p -> p.role() == ContributorRole.IDENTIFIED)
                .containsExactly(new Retrospective.Person(ContributorRole.IDENTIFIED, "dana", true, "recorded"));
        assertThat(RetrospectiveMarkdown.write(retro(second.id()))).contains("Roles, not blame");
        assertThat(RetrospectiveHtml.write(retro(second.id()))).contains("Roles, not blame");
    }

    @Test
    void itemsShowTheDeploymentThatVerifiedThem() {
        ActionItem p0 = retro(second.id()).items().get(0);
        assertThat(p0.status()).hasToString("VERIFIED");
        assertThat(p0.verifiedBy()).isNotNull();
        assertThat(RetrospectiveMarkdown.write(retro(second.id())))
                .contains("| PAY-2 | VERIFIED | " + p0.verifiedBy() + " |");
        ObjectNode json = RetrospectiveJson.write(retro(second.id()));
        assertThat(json.path("items").get(0).path("verifiedBy").asText()).isEqualTo(p0.verifiedBy());
        assertThat(json.path("questions").get(2).path("open").asBoolean()).isTrue();
    }

    @Test
    void similarIncidentsCarryWhatWasLearnedThen() {
        Retrospective.Similar then = retro(second.id()).similar().get(0);
        assertThat(then.id()).isEqualTo(first.id());
        assertThat(then.rootCause()).isEqualTo("cache TTL longer than the config reload");
        assertThat(then.items()).extracting(i -> i.ticket() == null ? null : i.ticket().key()).containsExactly("PAY-1");
        assertThat(RetrospectiveMarkdown.write(retro(second.id())))
                .contains("Root cause then: cache TTL longer than the config reload");
    }

    @Test
    void hostileTextIsShownAsTypedInMarkdownAndHtml() {
        String hostile = "<script>alert(1)</script> | `rm -rf` *bold* [x](http://e)";
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(second.id())
                .withTitleAndSeverity(hostile, Severity.SEV2));
        String md = RetrospectiveMarkdown.write(retro(second.id()));
        assertThat(md).doesNotContain("<script>").doesNotContain(" | `rm")
                .contains("\\<script\\>alert(1)\\</script\\> \\| \\`rm -rf\\` \\*bold\\* \\[x\\](http://e)");
        String html = RetrospectiveHtml.write(retro(second.id()));
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt; | `rm -rf`");
        assertThat(html).doesNotContain("http://e\"").doesNotContain("<link").contains("@media print");
    }

    @Test
    void anUnknownIncidentIsNamedInTheError() {
        assertThatThrownBy(() -> retro("INC-99")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("INC-99").hasMessageContaining("does not exist");
    }
}
