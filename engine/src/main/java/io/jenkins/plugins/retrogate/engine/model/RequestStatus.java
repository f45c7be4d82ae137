package io.jenkins.plugins.retrogate.engine.model;

/** Where an override request stands; only {@code PENDING} requests can be approved or denied. */
public enum RequestStatus {
    PENDING, APPROVED, DENIED, EXPIRED
}
