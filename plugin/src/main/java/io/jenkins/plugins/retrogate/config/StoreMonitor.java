package io.jenkins.plugins.retrogate.config;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.interceptor.RequirePOST;

/** Tells administrators, on the Manage Jenkins page, why Retro Gate's store could not be opened. */
@Extension
public class StoreMonitor extends AdministrativeMonitor {
    @Override
    public String getDisplayName() {
        return "Retro Gate store";
    }

    @Override
    public boolean isActivated() {
        return RetroGateStore.get().getFailure() != null;
    }

    @Override
    public boolean isSecurity() {
        return false;
    }

    public String getMessage() {
        return RetroGateStore.get().getFailure();
    }

    /** Tries to open the store again, e.g. after the CLI released its lock or a repair. */
    @RequirePOST
    public HttpResponse doRetry() {
        checkRequiredPermission();
        RetroGateStore.get().open();
        return HttpResponses.forwardToPreviousPage();
    }
}
