package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Deployment;

/** The comment a verified item's ticket gets before it is closed. */
final class VerificationComment {
    private VerificationComment() {
    }

    static String of(ActionItem item, Deployment deployment) {
        StringBuilder text = new StringBuilder("Verified in production by Retro Gate: ");
        if (deployment == null) {
            text.append("deployment ").append(item.verifiedBy());
        } else {
            text.append("deployment ").append(deployment.id()).append(" of ").append(deployment.service())
                    .append(" to ").append(deployment.environment());
            if (deployment.ref().version() != null) {
                text.append(" (version ").append(deployment.ref().version()).append(")");
            }
        }
        text.append(" succeeded at ").append(item.verifiedAt()).append(" and carried the fix");
        text.append(item.fix() == null ? "." : " (" + item.fix() + ").");
        if (deployment != null && deployment.ref().url() != null) {
            text.append("\n").append(deployment.ref().url());
        }
        text.append("\nAction item ").append(item.id()).append(" of incident ").append(item.incidentId())
                .append(" is VERIFIED; this ticket is closed.");
        return text.toString();
    }
}
