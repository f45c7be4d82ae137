package io.jenkins.plugins.retrogate.jenkins;

import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Where Retro Gate's pages live, relative to the Jenkins root; {@link JenkinsFacade#getAbsoluteUrl}
 * makes them absolute. Steps write these links to the log, the tracker sync into new tickets and the
 * pages into their own views, so they live below all three.
 */
public final class Links {
    /** The Retro Gate page's URL name: {@code /retro-gate/}. */
    public static final String ROOT = "retro-gate";

    private Links() {
    }

    public static String override(String requestId) {
        return ROOT + "/override/" + requestId + "/";
    }

    public static String incident(String incidentId) {
        return ROOT + "/incident/" + incidentId + "/";
    }

    public static String item(String itemId) {
        return ROOT + "/item/" + itemId + "/";
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
        StaplerRequest2 request = Stapler.getCurrentRequest2();
        return (request == null ? "" : request.getContextPath()) + "/" + url;
    }
}
