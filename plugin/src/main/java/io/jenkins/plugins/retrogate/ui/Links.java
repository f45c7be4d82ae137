package io.jenkins.plugins.retrogate.ui;

import jenkins.model.Jenkins;

/** Where Retro Gate's pages live, relative to the Jenkins root. */
public final class Links {
    private Links() {
    }

    public static String override(String requestId) {
        return RetroGatePage.URL_NAME + "/override/" + requestId + "/";
    }

    public static String incident(String incidentId) {
        return RetroGatePage.URL_NAME + "/incident/" + incidentId + "/";
    }

    public static String item(String itemId) {
        return RetroGatePage.URL_NAME + "/item/" + itemId + "/";
    }

    /** An absolute URL when Jenkins knows its root URL, else one relative to the root ({@code /retro-gate/...}). */
    public static String absolute(String relative) {
        String root = Jenkins.get().getRootUrl();
        return root == null ? "/" + relative : root + relative;
    }
}
