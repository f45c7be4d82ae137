package io.jenkins.plugins.retrogate.engine.wording;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Mitigation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blame wording check: finds words that put a person, not a system, at the centre of a failure
 * ("Bob forgot to…", "human error", "careless", "should have known") and proposes a systems-focused
 * question instead, in the spirit of a blameless retrospective ("Is there anything in our automation
 * that would ensure …?"). Rules with reasons ({@link BlameRule}), no model, no network: a hint can
 * always say why. Quoted text (an error message, a log line) is never judged.
 */
public final class BlameWording {
    /** "…", “…”, `…`, and '…' that opens after a space: an apostrophe inside a word is not a quote. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]*\"|“[^”\\n]*”|`[^`\\n]*`|«[^»\\n]*»"
            + "|(?<![\\w'])'[^'\\n]{1,200}'(?![\\w'])");

    private BlameWording() {
    }

    /** The hints for one text ({@code null} or blank: none), in the order they appear. */
    public static List<WordingHint> check(String field, @CheckForNull String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String judged = unquoted(text);
        List<WordingHint> hints = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        for (BlameRule rule : BlameRule.values()) {
            Matcher match = rule.pattern().matcher(judged);
            while (match.find()) {
                int start = match.start(); // with the subject: "Bob forgot to…"
                int end = match.end("phrase");
                if (overlaps(taken, start, end) || !rule.accepts(match, judged)) {
                    continue;
                }
                taken.add(new int[] {start, end});
                hints.add(new WordingHint(field, text.substring(start, end), start, rule.id(), rule.reason(),
                        rule.suggestion(match)));
            }
        }
        hints.sort(Comparator.comparingInt(WordingHint::start));
        return List.copyOf(hints);
    }

    /**
     * The hints on what an incident's retrospective recorded: its title, root cause and mitigations,
     * and the titles of its action items ({@code items.INC-1-A1.title}), in that order.
     */
    public static List<WordingHint> of(Incident incident, Collection<ActionItem> items) {
        List<WordingHint> hints = new ArrayList<>(check("title", incident.title()));
        hints.addAll(check("rootCause", incident.rootCause()));
        for (Mitigation mitigation : incident.mitigations()) {
            hints.addAll(check("mitigation", mitigation.description()));
        }
        for (ActionItem item : items) {
            hints.addAll(check("items." + item.id() + ".title", item.title()));
        }
        return List.copyOf(hints);
    }

    /** Whether the text has wording that blames a person. */
    public static boolean blames(@CheckForNull String text) {
        return !check("text", text).isEmpty();
    }

    /**
     * Refuses a text that blames, for a policy that requires blame-free wording: the error names the
     * field, the words and the rewording, and nothing is recorded.
     *
     * @throws InvalidInputException when the text blames a person
     */
    public static void requireBlameFree(String field, @CheckForNull String text) {
        List<WordingHint> hints = check(field, text);
        if (!hints.isEmpty()) {
            WordingHint first = hints.get(0);
            throw new InvalidInputException(field, text,
                    "must be blame-free under the policy: \"" + first.phrase() + "\" " + first.reason()
                            + ". " + first.suggestion());
        }
    }

    /** The text with every quoted span blanked out, so offsets stay where they were. */
    static String unquoted(String text) {
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder judged = new StringBuilder(text);
        while (quoted.find()) {
            for (int i = quoted.start(); i < quoted.end(); i++) {
                judged.setCharAt(i, ' ');
            }
        }
        return judged.toString();
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] span : taken) {
            if (start < span[1] && span[0] < end) {
                return true;
            }
        }
        return false;
    }
}
