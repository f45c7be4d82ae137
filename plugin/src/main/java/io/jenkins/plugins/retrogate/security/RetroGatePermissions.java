package io.jenkins.plugins.retrogate.security;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;
import jenkins.util.NonLocalizable;

/**
 * The permission group "Retro Gate": {@link #OVERRIDE} for release managers (approve or deny
 * overrides, drop blocking items) and {@link #MANAGE} for editing incidents and action items.
 * Administer implies both; reading the pages needs Overall/Read only.
 */
public final class RetroGatePermissions {
    public static final PermissionGroup GROUP = new PermissionGroup("RetroGate", RetroGatePermissions.class,
            new NonLocalizable("Retro Gate"));

    /** Approve or deny overrides of blocked deployments, drop blocking action items. */
    public static final Permission OVERRIDE = new Permission(GROUP, "Override",
            new NonLocalizable("Approve or deny overrides of blocked deployments and drop blocking action items."),
            Jenkins.ADMINISTER, PermissionScope.JENKINS);

    /** Open and edit incidents, add, resolve, reopen and drop action items. */
    public static final Permission MANAGE = new Permission(GROUP, "Manage",
            new NonLocalizable("Open and edit incidents and action items."), Jenkins.ADMINISTER,
            PermissionScope.JENKINS);

    private RetroGatePermissions() {
    }

    /** Loads the class early so that authorization strategies list the group. */
    @Initializer(before = InitMilestone.SYSTEM_CONFIG_LOADED)
    public static void register() {
        LOGGER.fine(() -> "Retro Gate permissions: " + GROUP.getId() + " " + OVERRIDE.getId() + " " + MANAGE.getId());
    }

    private static final java.util.logging.Logger LOGGER =
            java.util.logging.Logger.getLogger(RetroGatePermissions.class.getName());
}
