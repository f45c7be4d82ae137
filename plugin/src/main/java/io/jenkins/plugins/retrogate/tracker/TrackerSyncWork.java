package io.jenkins.plugins.retrogate.tracker;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.retrogate.config.RetroGateConfiguration;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.config.TrackerSettings;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.tracker.HttpOptions;
import io.jenkins.plugins.retrogate.engine.tracker.SyncReport;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerClient;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetups;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSync;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncState;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import io.jenkins.plugins.retrogate.jenkins.Links;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Syncs the configured tracker with the store (the engine's {@link TrackerSync}) every sync interval,
 * and at once on "Sync now". Jenkins runs it on its own thread as SYSTEM; what a run did goes to its
 * task log ({@code $JENKINS_HOME/logs/tasks/Retro Gate tracker sync.log}). The credentials are
 * resolved at the start of each run; the sync state is saved after each run, failed or not.
 */
@Extension
public class TrackerSyncWork extends AsyncPeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(TrackerSyncWork.class.getName());

    private final JenkinsFacade jenkins = new JenkinsFacade();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile Instant lastStartedAt;
    private volatile Instant lastFinishedAt;
    private volatile List<String> lastSummary = List.of();

    public TrackerSyncWork() {
        super("Retro Gate tracker sync");
    }

    public static TrackerSyncWork get() {
        return ExtensionList.lookupSingleton(TrackerSyncWork.class);
    }

    /** Looks every minute whether a sync is due: the interval is a setting, the period cannot be. */
    @Override
    public long getRecurrencePeriod() {
        return MIN;
    }

    @Override
    public long getInitialDelay() {
        return MIN;
    }

    /** A "Sync now" during a run is not lost: it runs once the current run has finished. */
    @Override
    protected boolean queueIfAlreadyRunning() {
        return true;
    }

    /** Runs a sync now, whatever the interval (the caller has checked the permission). */
    public void requestSync() {
        requested.set(true);
        doRun();
    }

    @Override
    protected void execute(TaskListener listener) throws IOException {
        TrackerSettings tracker = jenkins.getExtension(RetroGateConfiguration.class).getTracker();
        boolean forced = requested.getAndSet(false);
        if (tracker != null && (forced || due(tracker))) {
            sync(tracker, listener);
        }
    }

    private boolean due(TrackerSettings tracker) {
        Instant last = lastStartedAt;
        if (last == null) { // since the last start of Jenkins: what the saved state says
            last = jenkins.getExtension(TrackerSyncFile.class).state().health(tracker.system()).lastAttemptAt();
        }
        return last == null || !Instant.now().isBefore(last.plus(tracker.syncInterval()));
    }

    /** One sync of {@code tracker}, now; {@code null} when it could not run (the log says why). */
    SyncReport sync(TrackerSettings tracker, TaskListener listener) throws IOException {
        Instant startedAt = Instant.now();
        lastStartedAt = startedAt;
        RetroGate engine;
        try {
            engine = jenkins.getExtension(RetroGateStore.class).engine();
        } catch (RetroGateStore.StoreUnavailableException e) {
            finished(listener, List.of("tracker sync skipped: " + e.getMessage()), false);
            return null;
        }
        TrackerSyncFile file = jenkins.getExtension(TrackerSyncFile.class);
        TrackerSyncState previous = file.state();
        try {
            // The engine's settings for the whole section: its retry policy and sync options, as the CLI's.
            TrackerSetups setups = tracker.setups(incidentUrl());
            TrackerClient client = tracker.client(HttpOptions.defaults().withRetry(setups.retry()));
            SyncReport report = new TrackerSync(engine, List.of(client), setups.syncOptions(), Clock.systemUTC())
                    .run(previous);
            file.save(report.state());
            finished(listener, report.summary(), report.succeeded());
            return report;
        } catch (RuntimeException e) { // no client (credentials, settings), or the store refused a write
            String error = e instanceof RetroGateException ? e.getMessage() : e.toString();
            file.save(previous.withFailure(tracker.system(), startedAt, error));
            finished(listener, List.of("tracker sync failed: " + error), false);
            return null;
        }
    }

    /** New tickets link to the incident's page when Jenkins knows its own URL. */
    private String incidentUrl() {
        return jenkins.getRootUrl() == null ? null : jenkins.getAbsoluteUrl(Links.incident("{id}"));
    }

    private void finished(TaskListener listener, List<String> summary, boolean succeeded) {
        summary.forEach(listener.getLogger()::println);
        LOGGER.log(succeeded ? Level.FINE : Level.WARNING, () -> "Retro Gate " + String.join("\n", summary));
        lastSummary = List.copyOf(summary);
        lastFinishedAt = Instant.now();
    }

    /** What the last run since the start of Jenkins said, or nothing. */
    public List<String> getLastSummary() {
        return lastSummary;
    }

    public Instant getLastFinishedAt() {
        return lastFinishedAt;
    }
}
