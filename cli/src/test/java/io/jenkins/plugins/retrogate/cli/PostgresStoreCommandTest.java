package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store} / {@code $RETRO_GATE_STORE} put the events in a PostgreSQL database that several
 * homes (machines, pipelines) share; the password comes from {@code $RETRO_GATE_STORE_PASSWORD} or
 * {@code --store-password-file}, never from the address; a database that cannot be used fails the gate
 * closed (exit 5, never 0).
 */
class PostgresStoreCommandTest {
    private static final String PASSWORD = "s3cret-pw";
    private static EmbeddedPostgres server;
    private static int databases;
    @TempDir
    Path home;
    @TempDir
    Path otherHome;
    private String store;

    @BeforeAll
    static void startServer(@TempDir Path config) throws IOException, SQLException {
        Path hba = config.resolve("pg_hba.conf");
        Files.writeString(hba, """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """, StandardCharsets.US_ASCII);
        server = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
        admin("CREATE ROLE gate LOGIN PASSWORD '" + PASSWORD + "'");
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @BeforeEach
    void newDatabase() throws SQLException {
        String name = "cli_" + ++databases;
        admin("CREATE DATABASE " + name + " OWNER gate");
        store = "postgresql://localhost:" + server.getPort() + "/" + name + "?user=gate";
    }

    private Cli cli(Path dir) {
        Cli cli = new Cli(dir);
        cli.variables.put(RetroGateCli.STORE_VARIABLE, store);
        cli.variables.put(RetroGateCli.STORE_PASSWORD_VARIABLE, PASSWORD);
        return cli;
    }

    private static Cli.Result gate(Cli cli) {
        return cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", "https://ci/job/checkout/42/");
    }

    @Test
    void gateAndDeployRecordInTheDatabaseThatAnotherHomeSharesAndNothingInTheHome() throws IOException {
        Cli first = cli(home);
        first.incidentWithItems();

        Cli.Result blocked = gate(first);
        assertThat(blocked.code()).isEqualTo(3);
        assertThat(blocked.out() + blocked.err()).as("the approve line printed for a release manager names the store")
                .contains("override approve").contains("--store " + RetroGateCli.quote(store));
        Cli.Result deploy = first.run("--actor", "alice", "deploy", "--service", "checkout-api", "--environment",
                "staging", "--outcome", "succeeded", "--version", "2.0");
        assertThat(deploy.code()).as(deploy.toString()).isZero();

        Cli second = cli(otherHome);
        Cli.Result elsewhere = gate(second);
        assertThat(elsewhere.code()).as("the other home sees the open P0 item: %s", elsewhere).isEqualTo(3);
        Cli.Result verify = second.run("verify");
        assertThat(verify.code()).as(verify.toString()).isZero();
        assertThat(verify.out()).startsWith("OK: jdbc:postgresql://localhost:" + server.getPort() + "/")
                .doesNotContain(PASSWORD);
        try (var files = Files.walk(home)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString))
                    .noneMatch(name -> name.startsWith("journal") || name.endsWith(".log") || name.startsWith("segment"));
        }
    }

    @Test
    void thePasswordMayComeFromAFileButNeverFromTheAddress(@TempDir Path secrets) throws IOException {
        Path file = secrets.resolve("pw");
        Files.writeString(file, PASSWORD + "\n");
        Cli fromFile = new Cli(home);

        Cli.Result init = fromFile.run("--store", store, "--store-password-file", file.toString(), "init");
        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(init.out()).startsWith("Created a store at jdbc:postgresql://");

        Cli.Result inAddress = new Cli(otherHome).run("--store", store.replace("?user=gate", "?user=gate&password="
                + PASSWORD), "init");
        assertThat(inAddress.code()).isEqualTo(2);
        assertThat(inAddress.err()).contains("--store").contains("$RETRO_GATE_STORE_PASSWORD")
                .doesNotContain(PASSWORD);
        assertThat(otherHome).isEmptyDirectory();
    }

    @Test
    void aWrongPasswordOrAnUnreachableDatabaseFailsTheGateClosed() {
        Cli wrong = cli(home);
        wrong.variables.put(RetroGateCli.STORE_PASSWORD_VARIABLE, "not-it");
        Cli.Result refused = gate(wrong);
        assertThat(refused.code()).isEqualTo(5);
        assertThat(refused.err()).contains("refused the login of user 'gate'").doesNotContain("not-it");

        Cli unreachable = cli(home);
        unreachable.variables.put(RetroGateCli.STORE_VARIABLE, "postgresql://127.0.0.1:1/retro?user=gate");
        Cli.Result down = gate(unreachable);
        assertThat(down.code()).isEqualTo(5);
        assertThat(down.err()).contains("cannot be reached");
    }

    @Test
    void exportFromAJournalImportsIntoPostgresAndBackWithEveryEventIdAndHash(@TempDir Path files,
            @TempDir Path journalAgain) throws Exception {
        Cli journal = new Cli(home);
        journal.incidentWithItems();
        assertThat(journal.run("--actor", "alice", "deploy", "--service", "checkout-api", "--environment", "staging",
                "--outcome", "succeeded", "--version", "2.0").code()).isZero();
        Path fromJournal = files.resolve("from-journal.json");
        assertThat(journal.run("export", "--out", fromJournal.toString()).code()).isZero();
        List<String> hashes = journalHashes(home);
        assertThat(hashes).isNotEmpty();

        Cli postgres = cli(otherHome);
        Cli.Result imported = postgres.run("import", fromJournal.toString());
        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(rowHashes()).as("the same chain in the table").isEqualTo(hashes);
        assertThat(postgres.run("verify").code()).isZero();
        assertThat(withoutTime(postgres.run("--json", "export").json()))
                .isEqualTo(withoutTime(journal.run("--json", "export").json()));

        Path fromPostgres = files.resolve("from-postgres.json");
        assertThat(postgres.run("export", "--out", fromPostgres.toString()).code()).isZero();
        Cli back = new Cli(journalAgain);
        Cli.Result importedBack = back.run("import", fromPostgres.toString());
        assertThat(importedBack.code()).as(importedBack.toString()).isZero();
        assertThat(journalHashes(journalAgain)).as("the same chain in the journal again").isEqualTo(hashes);
        assertThat(withoutTime(back.run("--json", "export").json()))
                .isEqualTo(withoutTime(journal.run("--json", "export").json()));
        assertThat(gate(back).code()).as("the moved store still blocks on the open P0 item").isEqualTo(3);
    }

    private static JsonNode withoutTime(JsonNode document) {
        ((ObjectNode) document).remove("exportedAt");
        return document;
    }

    /** The hash of every journal record, in order. */
    private static List<String> journalHashes(Path home) throws IOException {
        List<String> hashes = new ArrayList<>();
        try (var files = Files.walk(home)) {
            for (Path segment : files.filter(f -> f.getFileName().toString().matches("journal-\\d+\\.jsonl"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
                    if (line.startsWith("{")) {
                        hashes.add(new ObjectMapper().readTree(line).get("hash").asText());
                    }
                }
            }
        }
        return hashes;
    }

    /** The hash of every row of the table, in order. */
    private List<String> rowHashes() throws SQLException {
        List<String> hashes = new ArrayList<>();
        String database = store.substring(store.lastIndexOf('/') + 1, store.indexOf('?'));
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT hash FROM events ORDER BY seq")) {
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
        }
        return hashes;
    }
}
