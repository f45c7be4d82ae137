package io.jenkins.plugins.retrogate.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.config.StoreLocation;
import io.jenkins.plugins.retrogate.engine.report.ReportBuilder;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionList;

/**
 * The store this controller keeps open, and the engine over it. Opened once Jenkins has loaded its
 * jobs (or at first use), flushed and closed at shutdown. A store that cannot be opened leaves
 * Jenkins running: {@link StoreMonitor} shows the engine's message to administrators, and every
 * step or page that needs the store fails with that message.
 */
@Extension
public class RetroGateStore {
    private static final Logger LOGGER = Logger.getLogger(RetroGateStore.class.getName());
    private static final long RETRY_MILLIS = 30_000;

    private volatile RetroGate engine;
    private volatile Store store;
    private volatile String failure;
    /** Where the open store lives (a changed store location takes effect at the next start). */
    private volatile Path directory;
    private long failedAt;
    /** Set at shutdown: a step or timer still running then must not reopen (and lock) the store. */
    private volatile boolean shutDown;

    public static RetroGateStore get() {
        return ExtensionList.lookupSingleton(RetroGateStore.class);
    }

    @Initializer(after = InitMilestone.JOB_LOADED, fatal = false)
    public static void openAtStartup() {
        get().open();
    }

    /**
     * Closes the store once running pipelines are suspended (steps in flight still record their
     * events), never before.
     */
    @Terminator(requires = FlowExecutionList.EXECUTIONS_SUSPENDED)
    public static void closeAtShutdown() {
        RetroGateStore store = get();
        store.shutDown = true;
        store.close();
    }

    /**
     * The engine, opening the store if needed.
     *
     * @throws StoreUnavailableException with the engine's message when the store cannot be opened
     */
    public RetroGate engine() {
        RetroGate current = engine;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (shutDown) {
                throw new StoreUnavailableException("Jenkins is shutting down; Retro Gate's store is closed", true);
            }
            if (engine == null && (failure == null || System.currentTimeMillis() - failedAt > RETRY_MILLIS)) {
                open();
            }
            if (engine == null) {
                throw new StoreUnavailableException(failure, false);
            }
            return engine;
        }
    }

    /** Whether the store is open now (it opens at start-up or at first use). */
    public boolean isOpen() {
        return engine != null;
    }

    /** The store's directory: where it is open, else where it would open. Files beside the journal live here. */
    public Path directory() {
        Path open = directory;
        return open != null ? open : RetroGateConfiguration.get().storeDirectory();
    }

    /** Why the store could not be opened, or {@code null} when it is open (or not tried yet). */
    public String getFailure() {
        return failure;
    }

    /**
     * What keeps the open store from following what other controllers record (a shared database that
     * stopped answering, since when), or {@code null}; cleared by itself once the database answers again.
     */
    public String getTrouble() {
        Store open = store;
        return open == null || engine == null ? null : open.trouble();
    }

    /** Opens the store unless it is open; records the engine's message when it fails. */
    public synchronized void open() {
        if (engine != null || shutDown) {
            return;
        }
        RetroGateConfiguration configuration = RetroGateConfiguration.get();
        StoreLocation location;
        try {
            location = configuration.storeLocation();
        } catch (RuntimeException e) { // a location edited by hand into something no backend reads
            failed(configuration.getStoreLocation(), e.getMessage(), e);
            return;
        }
        Path directory = location.localDirectory();
        try {
            store = configuration.storeBackend().open();
            engine = new RetroGate(store, configuration::policy, Clock.systemUTC());
            NotificationDispatch.listen(engine);
            this.directory = directory;
            failure = null;
            // another controller or the CLI records into a shared database: whatever waits for it looks again
            store.onOthersEvents(RetroGateStore::othersRecorded);
            LOGGER.info(() -> "Retro Gate store opened at " + location);
            RetroGate opened = engine;
            // the report folds the event log once; do it now, in the background, not in a user's request
            jenkins.util.Timer.get().submit(() -> warmUpReports(opened));
        } catch (StoreException e) {
            failed(location, e.reason() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            failed(location, e.toString(), e);
        }
    }

    /** Off the follower's thread: a listener may look at every running pipeline. */
    private static void othersRecorded() {
        jenkins.util.Timer.get().submit(() -> {
            for (OthersEventsListener listener : ExtensionList.lookup(OthersEventsListener.class)) {
                listener.onOthersEvents();
            }
        });
    }

    private static void warmUpReports(RetroGate engine) {
        try {
            engine.report(ReportBuilder.DEFAULT_DAYS, null);
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Reports were not prepared at start-up; the first report does it", e);
        }
    }

    private void failed(Object where, String message, Exception e) {
        failure = "Retro Gate could not open its store at " + where + ": " + message;
        failedAt = System.currentTimeMillis();
        LOGGER.log(Level.SEVERE, failure, e);
    }

    /** Flushes and closes the store; later calls reopen it. */
    public synchronized void close() {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Retro Gate store did not close cleanly", e);
        } finally {
            store = null;
            engine = null;
        }
    }

    /** The store is not open: the message says why and what to do. */
    public static final class StoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean shuttingDown;

        StoreUnavailableException(String message, boolean shuttingDown) {
            super(message == null ? "Retro Gate's store is not open" : message);
            this.shuttingDown = shuttingDown;
        }

        /** Whether Jenkins is shutting down: a waiting step then simply resumes after the restart. */
        public boolean isShuttingDown() {
            return shuttingDown;
        }
    }
}
