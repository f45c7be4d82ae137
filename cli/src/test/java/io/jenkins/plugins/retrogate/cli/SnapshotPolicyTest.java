package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalOptions;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import io.jenkins.plugins.retrogate.engine.transfer.StoreImport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that records nothing changes no file, however many events wait for a snapshot (the
 * journal's own close would write one after 1,000); writers take a snapshot at each thousand.
 */
class SnapshotPolicyTest {
    @TempDir
    Path dir;

    @Test
    void readersAndBadInputTouchNoFileEvenWithManyEventsSinceTheLastSnapshot() {
        Cli cli = new Cli(seeded("busy", 1_500));
        var before = cli.fingerprint();

        assertThat(cli.run("incident", "list").code()).isZero();
        assertThat(cli.run("report").code()).isZero();
        assertThat(cli.run("export").code()).isZero();
        assertThat(cli.run("item", "add", "INC-1", "--title", "t", "--priority", "P9", "--type", "other",
                "--owner", "o").code()).isEqualTo(2);

        assertThat(cli.fingerprint()).isEqualTo(before).doesNotContainKey("snapshot-00000000000000001500.json");
    }

    @Test
    void aWriterCrossingAThousandWritesASnapshot() {
        Cli cli = new Cli(seeded("growing", 999));
        assertThat(cli.fingerprint().keySet()).noneMatch(name -> name.startsWith("snapshot-"));

        cli.id("incident", "open", "--service", "cart", "--title", "the thousandth");

        assertThat(cli.fingerprint()).containsKey("snapshot-00000000000000001000.json");
        assertThat(cli.run("verify").code()).isZero();
    }

    /** A home whose journal holds {@code incidents} events and no snapshot, written without the CLI. */
    private Path seeded(String name, int incidents) {
        InMemoryStore source = new InMemoryStore();
        RetroGate engine = new RetroGate(source, GatePolicy::defaults, new Cli.TickingClock(Cli.START));
        for (int i = 0; i < incidents; i++) {
            engine.openIncident(Actor.of("seed"), new NewIncident("incident " + i, null, List.of("cart"), null, null));
        }
        Path home = dir.resolve(name);
        try (JournalStore journal = JournalStore.open(home, JournalOptions.defaults().withSnapshotOnCloseAfter(0))) {
            StoreImport.into(journal, StoreDocument.export(source.state(), StoreDocument.events(source), Cli.START));
        }
        return home;
    }
}
