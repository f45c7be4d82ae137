package io.jenkins.plugins.retrogate.steps;

import hudson.console.HyperlinkNote;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.DecisionView;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import io.jenkins.plugins.retrogate.jenkins.Links;
import io.jenkins.plugins.retrogate.tracker.TrackerSyncFile;
import io.jenkins.plugins.retrogate.ui.GateRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Shows a gate decision where pipeline users look: the log, the build's panel, the build result
 * (WARN: unstable, with a warning on the step's node) and the step's return value.
 */
final class DecisionReport {
    private DecisionReport() {
    }

    /**
     * Records the decision with the build and logs it (a block is told by the step's failure or wait).
     * When tracker data behind it may be out of date, the build's record and the log say so.
     *
     * @return that notice, or {@code null}
     */
    static String record(Run<?, ?> run, TaskListener listener, GateDecision decision, OverrideRequest request)
            throws IOException {
        String notice = TrackerSyncFile.get().notice(decision).orElse(null);
        if (decision.allowed()) {
            listener.getLogger().println("[Retro Gate] " + decision.message());
            if (notice != null) {
                listener.getLogger().println("[Retro Gate] " + notice);
            }
        }
        RetroGateBuildAction.update(run, action -> action.add(new GateRecord(decision, request, notice)));
        return notice;
    }

    /** A WARN marks the build unstable and the step's node with the reason. */
    static void markWarning(Run<?, ?> run, FlowNode node, GateDecision decision) {
        if (decision.decision() != Decision.WARN) {
            return;
        }
        WarningAction existing = node == null ? null : node.getPersistentAction(WarningAction.class);
        if (node != null && (existing == null || existing.getResult().isBetterThan(Result.UNSTABLE))) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(firstLine(decision.message())));
        }
        run.setResult(Result.UNSTABLE);
    }

    /**
     * The text of a block: the decision's message, how old its tracker data is (when that matters) and
     * where a release manager approves an override.
     */
    static String blocked(GateDecision decision, OverrideRequest request, String trackerNotice) {
        StringBuilder text = new StringBuilder(decision.message());
        if (trackerNotice != null) {
            text.append('\n').append(trackerNotice);
        }
        if (request != null) {
            text.append("\nA release manager can approve an override (request ").append(request.id())
                    .append(") at ").append(new JenkinsFacade().getAbsoluteUrl(Links.override(request.id())));
        }
        return text.toString();
    }

    /** A console link to the override request. */
    static String link(OverrideRequest request) {
        return HyperlinkNote.encodeTo("/" + Links.override(request.id()), "override request " + request.id());
    }

    /** The step's return value: the engine's one view of the decision, plain maps, lists and strings (sandbox-safe). */
    static Map<String, Object> result(GateDecision decision) {
        return DecisionView.of(decision);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }
}
