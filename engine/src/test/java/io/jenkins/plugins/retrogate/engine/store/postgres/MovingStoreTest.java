package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.TestClock;
import io.jenkins.plugins.retrogate.engine.command.DeploymentResult;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.NewDeployment;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalBackend;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalOptions;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import io.jenkins.plugins.retrogate.engine.transfer.StoreImport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a store between backends: an export of a journal imported into an empty PostgreSQL store,
 * and back into an empty journal, keeps every event, every id and the whole hash chain — record for
 * record the same hashes, so a hash noted from one (in an audit, a ticket) still names the same event
 * in the other.
 */
class MovingStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Actor ALICE = Actor.of("alice");
    private static final Actor RITA = Actor.of("rita", Permission.MANAGE, Permission.OVERRIDE);

    @TempDir
    Path journal;
    @TempDir
    Path journalAgain;

    @Test
    void aJournalMovedToPostgresAndBackKeepsEveryEventIdAndHash() throws Exception {
        ObjectNode fromJournal;
        try (Store store = journal(journal).open()) {
            story(store);
            fromJournal = export(store);
        }
        List<String> journalHashes = journalHashes(journal);
        assertThat(journalHashes).hasSizeGreaterThan(12);

        String url = PostgresFixture.newDatabase();
        ObjectNode fromPostgres;
        try (Store store = PostgresFixture.backend(url).open()) {
            StoreImport.into(store, reread(fromJournal));
            fromPostgres = export(store);
        }
        assertThat(fromPostgres).isEqualTo(fromJournal);
        assertThat(rowHashes(url)).as("the same chain, row for record").isEqualTo(journalHashes);
        assertThat(PostgresFixture.backend(url).verify().ok()).isTrue();

        try (Store store = journal(journalAgain).open()) {
            StoreImport.into(store, reread(fromPostgres));
            assertThat(export(store)).isEqualTo(fromJournal);
        }
        assertThat(journalHashes(journalAgain)).isEqualTo(journalHashes);
        assertThat(journal(journalAgain).verify().ok()).isTrue();
    }

    private static StoreBackend journal(Path directory) {
        return new JournalBackend(directory, JournalOptions.defaults());
    }

    /** Every kind of event a controller records in a day: a rollback, items through their lifecycle, a block, an override. */
    private static void story(Store store) {
        TestClock clock = new TestClock(T0);
        RetroGate gate = new RetroGate(store, GatePolicy::defaults, clock);
        Incident incident = gate.rollback(ALICE, RollbackRequest.of("cart", "production", "error rate up \ud83d\ude80")).incident();
        clock.advance(Duration.ofMinutes(5));
        gate.addItem(ALICE, new NewActionItem(incident.id(), "Pool limits", Priority.P0, ItemType.PREVENTATIVE,
                "team-payments", "PAY-1", null, null));
        ActionItem p1 = gate.addItem(ALICE, new NewActionItem(incident.id(), "Alert on pool", Priority.P1,
                ItemType.MITIGATIVE, "team-payments", null, null, null));
        gate.updateIncident(RITA, IncidentUpdate.of(incident.id()).withRootCause("pool exhausted")
                .withContributor(ContributorRole.DEBUGGED, "team-sre"));
        clock.advance(Duration.ofMinutes(5));
        gate.gate(ALICE, request("cart", clock.instant()));
        gate.approveOverride(Actor.of("bob", Permission.OVERRIDE),
                new OverrideGrant("cart", "production", null, "hotfix", Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(5));
        DeploymentResult deployed = gate.recordDeployment(ALICE, new NewDeployment(request("cart", clock.instant(),
                "PAY-1"), "1.1", null, null), Outcome.SUCCEEDED, null);
        assertThat(deployed).isNotNull();
        gate.resolveItem(ALICE, p1.id(), "commit abc123");
        gate.reopenItem(ALICE, p1.id(), "did not hold");
        gate.dropItem(RITA, p1.id(), "superseded");
        clock.advance(Duration.ofMinutes(5));
        Incident second = gate.rollback(ALICE, RollbackRequest.of("search", "production", "timeouts")).incident();
        gate.updateIncident(RITA, IncidentUpdate.of(second.id()).withSimilar(incident.id()));
    }

    private static GateRequest request(String service, Instant at, String... tickets) {
        return GateRequest.of(service, "production", null, "https://ci/job/deploy/7/", "alice", List.of(tickets),
                null, at);
    }

    private static ObjectNode export(Store store) {
        return StoreDocument.export(store.state(), StoreDocument.events(store), T0);
    }

    /** The document as an import reads it: written out and parsed again, as through a file. */
    private static JsonNode reread(ObjectNode document) throws IOException {
        return EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(document));
    }

    private static List<String> journalHashes(Path directory) throws IOException {
        List<String> hashes = new ArrayList<>();
        try (var files = Files.list(directory)) {
            for (Path segment : files.filter(f -> f.getFileName().toString().startsWith("journal-")).sorted().toList()) {
                for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && line.charAt(0) == '{') {
                        hashes.add(EventJson.mapper().readTree(line).get("hash").asText());
                    }
                }
            }
        }
        return hashes;
    }

    private static List<String> rowHashes(String url) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Connection connection = PostgresFixture.server().getDatabase("postgres",
                url.substring(url.lastIndexOf('/') + 1)).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT hash FROM events ORDER BY seq")) {
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
        }
        return hashes;
    }
}
