package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tracker.yaml's lists read as a list or as the Jenkins form's text, and an empty labels value keeps its old meaning. */
class TrackerYamlListsTest {
    private static final String JIRA = "trackers:\n  - kind: jira-data-center\n    url: https://jira.acme.com\n"
            + "    project: PAY\n";
    @TempDir
    Path home;

    private TrackerConfig read(String extra) throws IOException {
        Files.writeString(home.resolve("tracker.yaml"), JIRA + extra, StandardCharsets.UTF_8);
        return TrackerConfigFile.load(home).orElseThrow();
    }

    @Test
    void emptyLabelsMeanNoLabelsAsTheyAlwaysDidAndNoneToo() throws IOException {
        assertThat(read("    labels: \"\"\n").trackers().get(0).setup().jira().labels()).isEmpty();
        assertThat(read("    labels: none\n").trackers().get(0).setup().jira().labels()).isEmpty();
        assertThat(read("    labels: []\n").trackers().get(0).setup().jira().labels()).isEmpty();
        assertThat(read("").trackers().get(0).setup().jira().labels()).containsExactly("retro-gate");
        assertThat(read("    labels: \"a, b\"\n").trackers().get(0).setup().jira().labels()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void doneStatusesTakeAListOrTheFormsTextAndMatchInAnyCase() throws IOException {
        assertThat(read("    doneStatuses: [Released, Shipped]\n").trackers().get(0).setup().jira().doneStatuses())
                .containsExactlyInAnyOrder("released", "shipped");
        assertThat(read("    doneStatuses: \"Released, Shipped\"\n").trackers().get(0).setup().jira().doneStatuses())
                .containsExactlyInAnyOrder("released", "shipped");
        assertThat(read("    doneCategories: \"done, indeterminate\"\n").trackers().get(0).setup().jira()
                .doneCategories()).containsExactlyInAnyOrder("done", "indeterminate");
    }
}
