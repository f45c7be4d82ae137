package io.jenkins.plugins.retrogate.security;

import hudson.model.Cause;
import hudson.model.Run;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who acts, in the engine's terms. The engine decides what an actor may do from the permissions
 * handed over here; Jenkins decides which permissions a user has. The four-eyes rule compares the
 * approver's id with the id of the user who started the build.
 */
public final class Actors {
    private Actors() {
    }

    /** The user of the current request, with the Retro Gate permissions Jenkins grants them. */
    public static Actor currentUser(JenkinsFacade jenkins) {
        return of(jenkins.getCurrentUserId(), jenkins.hasPermission(RetroGatePermissions.OVERRIDE),
                jenkins.hasPermission(RetroGatePermissions.MANAGE));
    }

    /** An actor with the given Retro Gate permissions. */
    public static Actor of(String name, boolean override, boolean manage) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (override) {
            permissions.add(Permission.OVERRIDE);
        }
        if (manage) {
            permissions.add(Permission.MANAGE);
        }
        return new Actor(name, permissions);
    }

    /** Longest actor name the engine accepts. */
    static final int MAX_NAME = 200;

    /**
     * A build acting through a pipeline step: named by its externalizable id ({@code folder/job#12}, its
     * end kept when very long), without extra permissions.
     */
    public static Actor build(Run<?, ?> run) {
        return of(buildName(run.getExternalizableId()), false, false);
    }

    static String buildName(String externalizableId) {
        return externalizableId.length() <= MAX_NAME ? externalizableId
                : "…" + externalizableId.substring(externalizableId.length() - MAX_NAME + 1);
    }

    /**
     * The user who started the build, directly or through the chain of upstream builds; {@code null}
     * when no user did (SCM trigger, timer).
     */
    public static String requester(Run<?, ?> run) {
        return requester(run.getCauses());
    }

    static String requester(List<Cause> causes) {
        for (Cause cause : causes) {
            if (cause instanceof Cause.UserIdCause userCause && userCause.getUserId() != null) {
                return userCause.getUserId();
            }
        }
        for (Cause cause : causes) {
            if (cause instanceof Cause.UpstreamCause upstream) {
                String user = requester(upstream.getUpstreamCauses());
                if (user != null) {
                    return user;
                }
            }
        }
        return null;
    }
}
