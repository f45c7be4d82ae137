package io.jenkins.plugins.retrogate.engine.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrackerSetupBuilderTest {

    private static TrackerSetupBuilder jira() {
        return TrackerSetup.builder().kind("jira-data-center").url("https://jira.acme.com").project("PAY");
    }

    private static TrackerSetupBuilder github() {
        return TrackerSetup.builder().kind("github").repository("acme/shop");
    }

    static Stream<Arguments> badTrackers() {
        return Stream.of(
                bad("kind", "jira", "is not one of jira-cloud, jira-data-center, github",
                        () -> TrackerSetup.builder().kind("jira").url("https://x").project("PAY")),
                bad("kind", "", "is missing", () -> TrackerSetup.builder().url("https://x").project("PAY")),
                bad("url", "", "is missing", () -> jira().url(null)),
                bad("url", "ftp://acme", "must be an http(s) URL", () -> jira().url("ftp://acme")),
                bad("project", "", "is missing", () -> jira().project(" ")),
                bad("project", "PAY X", "is not a Jira project key", () -> jira().project("pay x")),
                bad("user", "", "is missing: Jira Cloud", () -> jira().kind("JIRA_CLOUD")),
                bad("user", "me@acme.com:***", "must not contain ':'", () -> jira().user("me@acme.com:ATATT-token")),
                bad("repository", "acme/shop", "is a GitHub setting", () -> jira().repository("acme/shop")),
                bad("labels", "two words", "is not a Jira label", () -> jira().labels("ok, two words")),
                bad("priorities", "Highest", "is not like P0=Highest", () -> jira().priorities("Highest")),
                bad("priorities", "P7", "is not one of P0, P1, P2", () -> jira().priorities("P7=Highest")),
                bad("priorities.P0", "", "must be a non-empty text", () -> jira().priorities("P0=")),
                bad("doneCategories", "", "and doneStatuses are both empty",
                        () -> jira().doneCategories(List.of()).doneStatuses("none")),
                bad("doneStatuses", "", "is a Jira setting", () -> github().doneStatuses("Done")),
                bad("issueType", "", "is a Jira setting", () -> github().issueType("Bug")),
                bad("user", "", "is a Jira setting", () -> github().user("me")),
                bad("repository", "", "fileTickets needs the owner/repo",
                        () -> TrackerSetup.builder().kind("github").fileTickets(true)),
                bad("repository", "not-a-repo", "is not a repository like owner/repo",
                        () -> TrackerSetup.builder().kind("github").repository("not-a-repo")),
                bad("project", "not-a-repo", "is not a repository like owner/repo",
                        () -> TrackerSetup.builder().kind("github").project("not-a-repo")),
                bad("repository", "", "and project are both set", () -> github().repository("a/b").project("a/c")),
                bad("url", "not a url", "", () -> github().url("not a url")));
    }

    private static Arguments bad(String field, String value, String allowed, Supplier<TrackerSetupBuilder> builder) {
        return Arguments.of(field, value, allowed, builder);
    }

    @ParameterizedTest(name = "{0} ''{1}'' {2}")
    @MethodSource("badTrackers")
    void badTrackerSettingsAreRefusedNamingFieldValueAndWhatIsAllowed(String field, String value, String allowed,
            Supplier<TrackerSetupBuilder> builder) {
        assertThatThrownBy(() -> builder.get().build()).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.allowed()).contains(allowed);
            assertThat(e.getMessage()).startsWith(field + " '" + value + "' ");
        });
    }

    @Test
    void textFormsOfBothFrontEndsReadTheSame() {
        TrackerSetup form = jira().labels("a, b\nc").priorities("P0=Blocker, P1 = Major").doneStatuses("Closed\nShipped")
                .closeTransition("Close").issueType("Bug").build();
        TrackerSetup yaml = jira().labels(List.of("a", "b", "c"))
                .priorities(Map.of("P0", "Blocker", "P1", "Major")).doneStatuses(List.of("Closed", "Shipped"))
                .closeTransition("Close").issueType("Bug").build();

        assertThat(form).isEqualTo(yaml);
        assertThat(form.jira().labels()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(form.jira().priorities()).isEqualTo(Map.of(Priority.P0, "Blocker", Priority.P1, "Major"));
        assertThat(form.jira().doneStatuses()).containsExactlyInAnyOrder("closed", "shipped");
        assertThat(form.jira().doneCategories()).containsExactly("done");
    }

    @Test
    void noneEmptiesAListAndTheMapWhileEmptyKeepsTheDefaults() {
        TrackerSetup none = github().labels("none").priorities("NONE").build();
        TrackerSetup empty = github().labels("").priorities(" ").build();

        assertThat(none.github().labels()).isEmpty();
        assertThat(none.github().priorityLabels()).isEmpty();
        assertThat(empty.github().labels()).containsExactly("retro-gate");
        assertThat(empty.github().priorityLabels()).containsKeys(Priority.P0, Priority.P1, Priority.P2);
    }

    @Test
    void aFormKeepsListsOnePerLineAndNoneStaysNoneSoItReadsBackTheSame() {
        assertThat(TrackerSetupBuilder.listText(" a, b\n\nc ")).isEqualTo("a\nb\nc");
        assertThat(TrackerSetupBuilder.listText(" None ")).isEqualTo("none");
        assertThat(TrackerSetupBuilder.listText(null)).isEmpty();
        assertThat(github().labels(TrackerSetupBuilder.listText("none")).build().github().labels()).isEmpty();
    }

    @Test
    void githubTakesTheRepositoryFromProjectAsTheJenkinsFormNamesIt() {
        TrackerSetup setup = TrackerSetup.builder().kind("GITHUB").project("acme/shop").url("https://ghe.acme.com/api/v3")
                .credentials("gh-token").fileTickets(true).build();

        assertThat(setup.system()).isEqualTo(TicketSystem.GITHUB);
        assertThat(setup.github().repository()).isEqualTo("acme/shop");
        assertThat(setup.github().apiUrl().toString()).isEqualTo("https://ghe.acme.com/api/v3");
        assertThat(setup.credentials()).isEqualTo("gh-token");
        assertThat(setup.fileTickets()).isTrue();
    }

    @Test
    void jiraCloudTakesTheUserFromTheCredentialsWhenTheFrontEndSaysSo() {
        TrackerSetup setup = jira().kind("Jira Cloud").userFromCredentials().build();

        assertThat(setup.kind()).isEqualTo(TrackerSetup.Kind.JIRA_CLOUD);
        assertThat(setup.user()).isNull();
        assertThat(setup.jira().deployment()).isEqualTo(JiraSettings.Deployment.CLOUD);
    }

    @Property
    void aListReadsTheSameWhetherCommaOrNewLineSeparated(
            @ForAll @Size(min = 1, max = 6) List<@AlphaChars @StringLength(min = 1, max = 12) String> labels) {
        TrackerSetup commas = jira().labels(String.join(", ", labels)).build();
        TrackerSetup lines = jira().labels(String.join("\n", labels)).build();
        TrackerSetup list = jira().labels(labels).build();

        Set<String> expected = labels.stream().filter(l -> !l.equalsIgnoreCase("none") || labels.size() > 1)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(commas).isEqualTo(lines);
        if (!(labels.size() == 1 && labels.get(0).equalsIgnoreCase("none"))) {
            assertThat(commas).isEqualTo(list);
            assertThat(commas.jira().labels()).isEqualTo(expected);
        }
    }

    // ---- the whole section

    @Test
    void theSectionDerivesTheRetryAndSyncOptionsBothFrontEndsRunWith() {
        TrackerSetups setups = TrackerSetups.builder().tracker(jira().build()).tracker(github().fileTickets(true).build())
                .attempts("7").staleAfterMinutes("45").syncIntervalMinutes(60)
                .incidentUrl("https://jenkins.acme.com/retro-gate/incident/{id}/").closeHistoricItems(true).build();

        assertThat(setups.retry().maxAttempts()).isEqualTo(7);
        assertThat(setups.staleAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(setups.syncInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(setups.systems()).containsExactlyInAnyOrder(TicketSystem.JIRA, TicketSystem.GITHUB);
        TrackerSyncOptions options = setups.syncOptions();
        assertThat(options.fileTicketsIn()).isEqualTo(TicketSystem.GITHUB);
        assertThat(options.incidentUrl("INC-1")).isEqualTo("https://jenkins.acme.com/retro-gate/incident/INC-1/");
        assertThat(options.closeHistoricItems()).isTrue();
    }

    @Test
    void defaultsAreFifteenMinutesThirtyMinutesAndFourAttemptsAndNoTicketsFiled() {
        TrackerSetups setups = TrackerSetups.builder().tracker(jira().build()).build();

        assertThat(setups.syncInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(setups.staleAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(setups.retry()).isEqualTo(RetryPolicy.defaults());
        assertThat(setups.syncOptions()).isEqualTo(TrackerSyncOptions.defaults());
    }

    static Stream<Arguments> badSections() {
        return Stream.of(
                Arguments.of("trackers[1].kind", "jira-cloud", "is a second Jira tracker",
                        (Supplier<Object>) () -> TrackerSetups.builder().tracker(jira().build())
                                .tracker(jira().kind("jira-cloud").user("a@b.c").build()).build()),
                Arguments.of("fileTickets", "true", "more than one tracker",
                        (Supplier<Object>) () -> TrackerSetups.builder().tracker(jira().fileTickets(true).build())
                                .tracker(github().fileTickets(true).build()).build()),
                Arguments.of("attempts", "0", "is not a whole number from 1 to 10",
                        (Supplier<Object>) () -> TrackerSetups.builder().attempts("0")),
                Arguments.of("attempts", "11", "is not a whole number from 1 to 10",
                        (Supplier<Object>) () -> TrackerSetups.builder().attempts(11)),
                Arguments.of("staleAfterMinutes", "0", "is not a whole number of minutes from 1 to 10080",
                        (Supplier<Object>) () -> TrackerSetups.builder().staleAfterMinutes("0")),
                Arguments.of("staleAfterMinutes", "10081", "from 1 to 10080 (a week)",
                        (Supplier<Object>) () -> TrackerSetups.builder().staleAfterMinutes(10081)),
                Arguments.of("staleAfter", "20160 minutes", "from 1 to 10080",
                        (Supplier<Object>) () -> TrackerSetups.builder().staleAfter(Duration.ofDays(14))),
                Arguments.of("syncIntervalMinutes", "1441", "from 1 to 1440 (a day)",
                        (Supplier<Object>) () -> TrackerSetups.builder().syncIntervalMinutes(1441)),
                Arguments.of("incidentUrl", "jenkins/{id}", "is not an http(s) URL",
                        (Supplier<Object>) () -> TrackerSetups.builder().incidentUrl("jenkins/{id}").build()));
    }

    @ParameterizedTest(name = "{0} ''{1}'' {2}")
    @MethodSource("badSections")
    void badSectionSettingsAreRefusedNamingFieldValueAndWhatIsAllowed(String field, String value, String allowed,
            Supplier<Object> build) {
        assertThatThrownBy(build::get).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.allowed()).contains(allowed);
        });
    }

    @Property
    void everyInRangeWholeNumberIsTakenAndNothingOutsideIs(@ForAll @IntRange(min = -5, max = 1500) int minutes) {
        boolean inRange = minutes >= 1 && minutes <= 1440;
        if (inRange) {
            assertThat(TrackerSetups.builder().syncIntervalMinutes(minutes).build().syncInterval())
                    .isEqualTo(Duration.ofMinutes(minutes));
        } else {
            assertThatThrownBy(() -> TrackerSetups.builder().syncIntervalMinutes(minutes))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("syncIntervalMinutes '" + minutes);
        }
    }
}
