package io.jenkins.plugins.retrogate.config;

import static io.jenkins.plugins.retrogate.Fixtures.eventually;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.retrogate.Fixtures;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.config.StoreLocation;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Jenkins keeping its events in a PostgreSQL database shared with "another controller" (a second store
 * opened here on the same database): a rollback recorded there blocks a production gate here, and an
 * override approved there resumes the pipeline waiting here.
 */
@WithJenkins
class SharedDatabaseITest {
    private static final String USER = "gate";
    private static final String PASSWORD = "s3cret-db-password";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private JenkinsRule j;
    private String url;

    @BeforeAll
    static void startServer(@TempDir Path dir) throws Exception {
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """, StandardCharsets.US_ASCII);
        server = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        String name = "jenkins_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        }
        url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name;
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "retro-gate-db", "Retro Gate database", USER, PASSWORD));
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "wrong-db-password", "wrong", USER, "not-the-password"));
        SystemCredentialsProvider.getInstance().save();
    }

    /** Applies the settings as JCasC YAML and reopens the store (a changed store takes effect at the next start). */
    private void configure(String databaseUrl, String credentialsId, Path dir) throws Exception {
        Path yaml = dir.resolve("casc.yaml");
        Files.writeString(yaml, "unclassified:\n  retroGate:\n    postRollbackFreeze: true\n    fourEyes: false\n"
                + "    databaseUrl: \"" + databaseUrl + "\"\n    databaseCredentialsId: \"" + credentialsId + "\"\n");
        ConfigurationAsCode.get().configure(yaml.toString());
        RetroGateStore.get().close();
        RetroGateStore.get().open();
    }

    private Store anotherController() {
        return StoreLocation.parse(url, Path.of("")).backend(Duration.ZERO, USER, PASSWORD).open();
    }

    @Test
    void aRollbackOnAnotherControllerBlocksHereAndItsApprovalResumesTheWaitingPipeline(@TempDir Path dir)
            throws Exception {
        configure(url, "retro-gate-db", dir);
        assertThat(RetroGateStore.get().getFailure()).isNull();
        assertThat(RetroGateStore.get().isOpen()).isTrue();
        try (Store other = anotherController()) {
            RetroGate elsewhere = new RetroGate(other, RetroGateConfiguration.get()::policy, Clock.systemUTC());
            elsewhere.rollback(Fixtures.MANAGER, RollbackRequest.of("checkout-api", "production", "bad release"));
            eventually("the rollback reaches this controller",
                    () -> Fixtures.engine().state().sequence() == other.state().sequence());

            WorkflowJob p = pipeline(j, "p", """
                    retroGate(service: 'checkout-api', environment: 'production', waitForOverride: true, timeout: 30)
                    echo 'deploying'
                    """);
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("for a release manager to approve", b);
            String requestId = "REQ-1";
            eventually("the request reaches the other controller",
                    () -> other.state().request(requestId).isPresent());

            elsewhere.approveRequest(Actor.of("bob", Permission.OVERRIDE), requestId, false, "hotfix", null);

            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("approved by bob (hotfix)", b);
            j.assertLogContains("deploying", b);
        }
        assertThat(Files.readString(j.jenkins.getRootDir().toPath().resolve(
                "io.jenkins.plugins.retrogate.config.RetroGateConfiguration.xml"))).contains(url)
                .contains("retro-gate-db").doesNotContain(PASSWORD);
    }

    @Test
    void jcascExportsTheDatabaseSettingsWithoutThePasswordAndTheFormKeepsThem(@TempDir Path dir) throws Exception {
        configure(url, "retro-gate-db", dir);
        String exported = Util.toYamlString(Util.getUnclassifiedRoot(new ConfigurationContext(ConfiguratorRegistry.get()))
                .get("retroGate"));
        assertThat(exported).contains("databaseUrl: \"" + url + "\"").contains("databaseCredentialsId: \"retro-gate-db\"")
                .doesNotContain(PASSWORD);

        j.configRoundtrip();

        assertThat(RetroGateConfiguration.get().getDatabaseUrl()).isEqualTo(url);
        assertThat(RetroGateConfiguration.get().getDatabaseCredentialsId()).isEqualTo("retro-gate-db");
    }

    @Test
    void testConnectionNamesTheServerOrWhatIsWrongAndCreatesNothing() throws Exception {
        RetroGateConfiguration configuration = RetroGateConfiguration.get();

        FormValidation good = configuration.doTestDatabaseConnection(url, "retro-gate-db");
        assertThat(good.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(good.getMessage()).contains("PostgreSQL 14").contains("no Retro Gate tables");

        FormValidation badPassword = configuration.doTestDatabaseConnection(url, "wrong-db-password");
        assertThat(badPassword.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(badPassword.getMessage()).contains("refused the login of user &#039;gate&#039;")
                .doesNotContain("not-the-password");

        FormValidation unreachable = configuration.doTestDatabaseConnection("jdbc:postgresql://127.0.0.1:1/x",
                "retro-gate-db");
        assertThat(unreachable.getMessage()).contains("cannot be reached");

        FormValidation noCredentials = configuration.doTestDatabaseConnection(url, "no-such-id");
        assertThat(noCredentials.getMessage()).contains("no-such-id");

        FormValidation notADatabase = configuration.doTestDatabaseConnection("/var/lib/retro", "retro-gate-db");
        assertThat(notADatabase.getMessage()).contains("databaseUrl").contains("not a PostgreSQL address");

        assertThat(StoreLocation.parse(url, Path.of("")).backend(Duration.ZERO, USER, PASSWORD).exists()).isFalse();
    }

    @Test
    void anUnreachableDatabaseRefusesTheProductionGateAndTellsTheAdministrator(@TempDir Path dir) throws Exception {
        configure("jdbc:postgresql://127.0.0.1:1/retro", "retro-gate-db", dir);

        StoreMonitor monitor = j.jenkins.getExtensionList(StoreMonitor.class).get(0);
        assertThat(monitor.isActivated()).isTrue();
        assertThat(monitor.getMessage()).contains("127.0.0.1:1/retro").contains("cannot be reached");

        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production')\necho 'deployed'");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("could not open its store at jdbc:postgresql://127.0.0.1:1/retro", b);
        j.assertLogNotContains("deployed", b);
    }

    @Test
    void aDatabaseThatStopsAnsweringWhileJenkinsRunsIsShownToTheAdministratorUntilItIsBack(@TempDir Path dir)
            throws Exception {
        configure(url, "retro-gate-db", dir);
        StoreMonitor monitor = j.jenkins.getExtensionList(StoreMonitor.class).get(0);
        assertThat(RetroGateStore.get().isOpen()).isTrue();
        assertThat(monitor.isActivated()).isFalse();
        String name = url.substring(url.lastIndexOf('/') + 1);

        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        try {
            eventually("the monitor shows the database not answering", monitor::isActivated);
            assertThat(monitor.getMessage()).contains(name).contains("cannot be followed since")
                    .contains("production gates included").doesNotContain(PASSWORD);
            assertThat(monitor.isFollowing()).as("no Retry button: it reconnects by itself").isTrue();
            WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, pipeline(j, "p",
                    "retroGate(service: 'checkout-api', environment: 'production')\necho 'deployed'"));
            j.assertLogContains("nothing was recorded", b);
            j.assertLogNotContains("deployed", b);
        } finally {
            admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }

        eventually("the monitor clears once the database answers", () -> !monitor.isActivated());
        j.buildAndAssertSuccess(pipeline(j, "q", "retroGate(service: 'checkout-api', environment: 'production')"));
    }

    private static void admin(String sql) throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
