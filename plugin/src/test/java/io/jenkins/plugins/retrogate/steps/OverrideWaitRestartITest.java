package io.jenkins.plugins.retrogate.steps;

import static io.jenkins.plugins.retrogate.Fixtures.blockingItem;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;

import io.jenkins.plugins.retrogate.Fixtures;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A retroGate waiting for an override keeps waiting across a controller restart, and then resumes. */
class OverrideWaitRestartITest {
    @RegisterExtension
    private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void waitingGateSurvivesRestartAndResumesOnApproval() throws Throwable {
        sessions.then(j -> {
            blockingItem("checkout-api");
            WorkflowJob p = pipeline(j, "p", """
                    retroGate(service: 'checkout-api', environment: 'production', waitForOverride: true)
                    echo 'deploying after the override'
                    """);
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("for a release manager to approve", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("Resuming build", b);
            Fixtures.engine().approveOverride(Actor.of("carol", Permission.OVERRIDE),
                    new OverrideGrant("checkout-api", "production", b.getUrl(), "approved after restart", null));
            RetroGateExecution.wakeAll();
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("deploying after the override", b);
            j.assertLogContains("approved by carol", b);
        });
    }
}
