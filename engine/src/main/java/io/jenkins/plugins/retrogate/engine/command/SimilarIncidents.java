package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Suggests earlier incidents that look like this one: the same service, and words shared by the
 * titles and failure signatures (Jaccard similarity of their word sets). Suggestions only; a
 * person links them.
 */
public final class SimilarIncidents {
    static final int LIMIT = 5;
    private static final double TEXT_THRESHOLD = 0.3;

    private SimilarIncidents() {
    }

    /** Up to five earlier incidents, the most similar first. */
    public static List<SimilarIncident> suggest(RetroState state, Incident incident) {
        Set<String> words = words(failureText(incident));
        List<SimilarIncident> result = new ArrayList<>();
        for (Incident other : state.incidents().values()) {
            if (number(other) >= number(incident)) {
                continue; // only earlier incidents were "seen before"
            }
            boolean sameService = other.affectedServices().stream().anyMatch(incident::affects);
            double text = jaccard(words, words(failureText(other)));
            if (sameService || text >= TEXT_THRESHOLD) {
                double score = Math.min(1.0, (sameService ? 0.5 : 0.0) + text / 2 + (text >= TEXT_THRESHOLD ? 0.25 : 0));
                String why = sameService && text >= TEXT_THRESHOLD ? "same service, similar failure"
                        : sameService ? "same service" : "similar failure text";
                result.add(new SimilarIncident(other.id(), other.title(), Math.round(score * 100) / 100.0, why));
            }
        }
        result.sort(Comparator.comparingDouble(SimilarIncident::score).reversed()
                .thenComparing(s -> -Ids.incidentNumber(s.incidentId())));
        return List.copyOf(result.subList(0, Math.min(LIMIT, result.size())));
    }

    /** The failure signature when there is one (a rollback's generated title would match every rollback). */
    private static String failureText(Incident incident) {
        return incident.signature() == null ? incident.title() : incident.signature();
    }

    private static long number(Incident incident) {
        return Ids.incidentNumber(incident.id());
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+", -1)) {
            if (word.length() > 2) {
                words.add(word);
            }
        }
        return words;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }
}
