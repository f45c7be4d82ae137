package io.jenkins.plugins.retrogate;

import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** Incidents, items and pipelines for the plugin's integration tests, written through the engine. */
public final class Fixtures {
    public static final Actor MANAGER = Actor.of("retro-manager", Permission.MANAGE, Permission.OVERRIDE);

    private Fixtures() {
    }

    public static RetroGate engine() {
        return RetroGateStore.get().engine();
    }

    public static String incident(String service) {
        return engine().openIncident(MANAGER, new NewIncident("Checkout outage", Severity.SEV2, List.of(service),
                Detection.MANUAL, null)).id();
    }

    public static ActionItem item(String incidentId, String title, Priority priority, ItemType type, String ticket) {
        return engine().addItem(MANAGER, new NewActionItem(incidentId, title, priority, type, "team-payments", ticket,
                List.of(), null));
    }

    /** An open preventative P0 item guarding {@code service}: it blocks production deployments. */
    public static ActionItem blockingItem(String service) {
        return item(incident(service), "Alert on checkout error rate", Priority.P0, ItemType.PREVENTATIVE, "PAY-123");
    }

    public static WorkflowJob pipeline(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** Waits up to 30 s for something the controller does in the background (a timer task). */
    public static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
