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

    /**
     * Where a link to a recorded build goes: an absolute http(s) URL as it is, a path under this
     * Jenkins (the usual case) under its context path. Build URLs are checked by the engine, so
     * neither form can leave for another scheme or host.
     */
    public static String build(String url) {
        if (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)) {
            return url;
        }
        org.kohsuke.stapler.StaplerRequest2 request = org.kohsuke.stapler.Stapler.getCurrentRequest2();
        return (request == null ? "" : request.getContextPath()) + "/" + url;
    }
}
