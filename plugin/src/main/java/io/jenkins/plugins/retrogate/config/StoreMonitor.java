package io.jenkins.plugins.retrogate.config;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * Tells administrators, on the Manage Jenkins page, why Retro Gate's store could not be opened, or
 * that its shared database stopped answering while Jenkins runs (gated deployments fail meanwhile).
 */
@Extension
public class StoreMonitor extends AdministrativeMonitor {
    @Override
    public String getDisplayName() {
        return "Retro Gate store";
    }

    @Override
    public boolean isActivated() {
        RetroGateStore store = RetroGateStore.get();
        return store.getFailure() != null || store.getTrouble() != null;
    }

    @Override
    public boolean isSecurity() {
        return false;
    }

    public String getMessage() {
        RetroGateStore store = RetroGateStore.get();
        String failure = store.getFailure();
        return failure != null ? failure : store.getTrouble();
    }

    /** Whether the store is open and only its database is not answering (nothing to retry: it recovers by itself). */
    public boolean isFollowing() {
        return RetroGateStore.get().getFailure() == null;
    }

    /** Tries to open the store again, e.g. after the CLI released its lock or a repair. */
    @RequirePOST
    public HttpResponse doRetry() {
        checkRequiredPermission();
        RetroGateStore.get().open();
        return HttpResponses.forwardToPreviousPage();
    }
}
