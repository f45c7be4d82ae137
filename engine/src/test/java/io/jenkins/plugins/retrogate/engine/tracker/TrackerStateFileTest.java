package io.jenkins.plugins.retrogate.engine.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker sync's memory, as both front-ends keep it: read back as written, an unreadable file
 * refused with what to do (and left alone), or — for Jenkins, which syncs unattended — set aside
 * intact and started afresh; a failed start is recorded in the tracker's health.
 */
class TrackerStateFileTest {
    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aStateIsReadBackAsWrittenAndNoFileMeansTheEmptyState() {
        TrackerStateFile file = new TrackerStateFile(dir.resolve("home"));
        assertThat(file.read()).isEqualTo(TrackerSyncState.empty());

        TrackerSyncState failed = TrackerSyncState.empty().withFailure(TicketSystem.JIRA, NOON, "Jira answered HTTP 503");
        file.write(failed);

        assertThat(file.read()).isEqualTo(failed);
        assertThat(file.read().health(TicketSystem.JIRA).lastError()).isEqualTo("Jira answered HTTP 503");
        assertThat(file.read().health(TicketSystem.GITHUB)).isEqualTo(TrackerHealth.never());
        assertThat(dir.resolve("home")).isDirectoryContaining(p -> p.getFileName().toString().equals("tracker-sync.json"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void anUnreadableFileIsRefusedSayingDeletingItIsSafeAndLeftAsItIs() throws Exception {
        Path file = Files.writeString(dir.resolve(TrackerStateFile.FILE_NAME), "{\"format\": 99}");

        StoreException error = catchThrowableOfType(StoreException.class, () -> new TrackerStateFile(dir).read());

        assertThat(error.reason()).isEqualTo(StoreException.Reason.CORRUPTED);
        assertThat(error).hasMessageContaining(file.toString()).hasMessageContaining("Deleting it is safe");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"format\": 99}");
    }

    @Test
    void anUnattendedReaderSetsAnUnreadableFileAsideIntactAndStartsAfresh() throws Exception {
        Files.writeString(dir.resolve(TrackerStateFile.FILE_NAME), "not json");
        List<String> warnings = new ArrayList<>();

        TrackerSyncState state = new TrackerStateFile(dir).readOrSetAside(Clock.fixed(NOON, ZoneOffset.UTC),
                (warning, e) -> warnings.add(warning));

        assertThat(state).isEqualTo(TrackerSyncState.empty());
        Path aside = dir.resolve(TrackerStateFile.FILE_NAME + ".unreadable-" + NOON.toEpochMilli());
        assertThat(Files.readString(aside, StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(dir.resolve(TrackerStateFile.FILE_NAME)).doesNotExist();
        assertThat(warnings).singleElement().asString().contains("moved to " + aside);
    }

    @Test
    void aStateThatCannotBeWrittenIsAnIoErrorAndLeavesNoTemporaryFile() throws Exception {
        Files.createDirectories(dir.resolve(TrackerStateFile.FILE_NAME).resolve("in-the-way"));

        StoreException error = catchThrowableOfType(StoreException.class, () -> new TrackerStateFile(dir).write(
                TrackerSyncState.empty().withFailure(TicketSystem.GITHUB, NOON, "second")));

        assertThat(error.reason()).isEqualTo(StoreException.Reason.IO);
        assertThat(error).hasMessageContaining("cannot write " + dir.resolve(TrackerStateFile.FILE_NAME));
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }
}
