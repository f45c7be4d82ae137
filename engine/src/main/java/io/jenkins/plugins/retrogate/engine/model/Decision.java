package io.jenkins.plugins.retrogate.engine.model;

/** The gate's answer. Only {@code BLOCK} stops a deployment. */
public enum Decision {
    ALLOW, WARN, BLOCK, OVERRIDDEN;

    public boolean allowed() {
        return this != BLOCK;
    }
}
