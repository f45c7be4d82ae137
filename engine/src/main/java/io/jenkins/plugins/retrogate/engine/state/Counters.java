package io.jenkins.plugins.retrogate.engine.state;

/**
 * The last number handed out for each kind of id. Ids are never reused, so the counters only grow.
 */
public record Counters(long incidents, long deployments, long overrides, long requests) {
    static final Counters NONE = new Counters(0, 0, 0, 0);

    Counters withIncident(long number) {
        return new Counters(Math.max(incidents, number), deployments, overrides, requests);
    }

    Counters withDeployment(long number) {
        return new Counters(incidents, Math.max(deployments, number), overrides, requests);
    }

    Counters withOverride(long number) {
        return new Counters(incidents, deployments, Math.max(overrides, number), requests);
    }

    Counters withRequest(long number) {
        return new Counters(incidents, deployments, overrides, Math.max(requests, number));
    }

    /** The number part of an id like {@code INC-12}, {@code DEP-3} or {@code REQ-7}. */
    public static long numberOf(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
