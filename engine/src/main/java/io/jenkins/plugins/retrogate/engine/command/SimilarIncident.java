package io.jenkins.plugins.retrogate.engine.command;

/** An earlier incident suggested as "seen before", with why and how strongly (0–1). */
public record SimilarIncident(String incidentId, String title, double score, String why) {
}
