package io.jenkins.plugins.retrogate.steps;

import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.scm.RunWithSCM;

/**
 * The ticket keys and item ids a build's change set names, found in its commit messages by the
 * configured pattern. The engine decides what they mean (a deployment carrying a fix).
 */
final class ChangeSetTickets {
    /** More would not be a change set but a history; the engine also caps each key's length. */
    static final int MAX_TICKETS = 500;
    private static final int MAX_KEY_LENGTH = 200;

    private ChangeSetTickets() {
    }

    static List<String> of(Run<?, ?> run, Pattern pattern) {
        List<String> messages = new ArrayList<>();
        if (run instanceof RunWithSCM<?, ?> scm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> changeSet : scm.getChangeSets()) {
                for (ChangeLogSet.Entry entry : changeSet) {
                    if (entry.getMsg() != null) {
                        messages.add(entry.getMsg());
                    }
                }
            }
        }
        return find(messages, pattern);
    }

    /** Every distinct match of {@code pattern} in {@code messages}, in order of appearance. */
    static List<String> find(Iterable<String> messages, Pattern pattern) {
        Set<String> keys = new LinkedHashSet<>();
        for (String message : messages) {
            Matcher matcher = pattern.matcher(message);
            while (matcher.find() && keys.size() < MAX_TICKETS) {
                String key = matcher.group().strip();
                if (!key.isEmpty() && key.length() <= MAX_KEY_LENGTH) {
                    keys.add(key);
                }
            }
        }
        return List.copyOf(keys);
    }
}
