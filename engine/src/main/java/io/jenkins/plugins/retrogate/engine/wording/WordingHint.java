package io.jenkins.plugins.retrogate.engine.wording;

import java.util.Objects;

/**
 * Wording in a recorded text that puts a person, not a system, at the centre of a failure: where it
 * is, which rule saw it and why, and a systems-focused question to ask instead.
 *
 * @param field      the input it was found in ({@code rootCause}, {@code title}, …)
 * @param phrase     the words as written
 * @param start      where the phrase starts in the text (a {@code char} index)
 * @param rule       the rule's name ({@link BlameRule#id()})
 * @param reason     why the rule sees blame in it, in words
 * @param suggestion a systems-focused rewording, in the spirit of the retrospective
 */
public record WordingHint(String field, String phrase, int start, String rule, String reason, String suggestion) {

    public WordingHint {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(suggestion, "suggestion");
    }

    /** One line for a log or a terminal: the field, the phrase, the reason and the question. */
    public String message() {
        return field + ": \"" + phrase + "\" " + reason + ". " + suggestion;
    }
}
