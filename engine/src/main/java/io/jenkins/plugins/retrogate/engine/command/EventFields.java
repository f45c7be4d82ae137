package io.jenkins.plugins.retrogate.engine.command;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.util.Objects;

/**
 * The checks of one field of a recorded event, with the limits the commands apply to the same input
 * (the same {@link InvalidInputException} functions), and the conversion of any refusal into an
 * {@link InvalidInputException} that names the event's field, the value and the rule broken.
 */
final class EventFields {
    private EventFields() {
    }

    /** A rule the commands enforce through a function of their own. */
    interface Check {
        void run();
    }

    /** Runs {@code check}; a refusal becomes an error naming {@code field} and {@code value}. */
    static void rule(String field, Object value, Check check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, show(e.value()), e.allowed());
        } catch (RetroGateException e) {
            throw broken(field, value, e.getMessage());
        }
    }

    static InvalidInputException broken(String field, Object value, String rule) {
        return new InvalidInputException(field, show(value), rule);
    }

    /** A value as an error message may show it: invisible and control characters as \\uXXXX, abbreviated. */
    static String show(Object value) {
        String text = value == null ? "" : Names.visible(String.valueOf(value));
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }

    static void text(String field, String value, int max) {
        rule(field, value, () -> InvalidInputException.requireText(field, value, max));
        trimmed(field, value);
    }

    static void optionalText(String field, String value, int max) {
        rule(field, value, () -> InvalidInputException.optionalText(field, value, max));
        trimmed(field, value);
    }

    static void line(String field, String value, int max) {
        rule(field, value, () -> InvalidInputException.requireLine(field, value, max));
        trimmed(field, value);
    }

    static void optionalLine(String field, String value, int max) {
        rule(field, value, () -> InvalidInputException.optionalLine(field, value, max));
        trimmed(field, value);
    }

    static void present(String field, Object value, String what) {
        if (value == null) {
            throw broken(field, "", "is missing: " + what);
        }
    }

    /** A text as a command stores it: already trimmed (a command never records surrounding blanks). */
    static void trimmed(String field, String value) {
        if (value != null && !value.equals(value.strip())) {
            throw broken(field, value, "has surrounding blanks, which no command records");
        }
    }

    /** A service or environment name in the one form commands store: valid, lower case. */
    static void name(String field, String value) {
        rule(field, value, () -> canonical(field, value, Names.service(field, value)));
    }

    /** An item's guarded service: a name, or {@code *}. */
    static void guardedName(String field, String value) {
        rule(field, value, () -> canonical(field, value, Names.guardedService(field, value)));
    }

    /** A build URL in its one form ({@link Names#buildUrl}), or none. */
    static void buildUrl(String field, String value) {
        if (value != null) {
            rule(field, value, () -> canonical(field, value, Names.buildUrl(field, value)));
        }
    }

    /** An id that must be the next one handed out: ids are monotonic and never skipped or reused. */
    static void nextId(String field, String value, String next) {
        if (!Objects.equals(value, next)) {
            throw broken(field, value, "is not the next id a command hands out here, " + next);
        }
    }

    static void ref(String field, DeploymentRef ref) {
        if (ref == null) {
            return;
        }
        name(field + ".service", ref.service());
        name(field + ".environment", ref.environment());
        buildUrl(field + ".url", ref.url());
        optionalLine(field + ".job", ref.job(), 1000);
        optionalLine(field + ".version", ref.version(), 200);
        optionalLine(field + ".deploymentId", ref.deploymentId(), 200);
        Integer build = ref.build();
        if (build != null && build < 0) {
            throw broken(field + ".build", build, "must be a build number of 0 or more");
        }
    }

    /** A ticket as a command records it: its key in the form {@link Ticket#parse} gives, an http(s) link. */
    static void ticket(String field, Ticket ticket) {
        if (ticket == null) {
            return;
        }
        rule(field + ".key", ticket.key(), () -> {
            Ticket parsed = Ticket.parse(field + ".key", ticket.key());
            if (parsed.system() != ticket.system() || !parsed.key().equals(ticket.key())) {
                throw new InvalidInputException(field + ".key", ticket.key(), "is not a " + ticket.system()
                        + " ticket key in its one form (" + parsed.system() + " " + parsed.key() + ")");
            }
        });
        String url = ticket.url();
        if (url != null) {
            line(field + ".url", url, 2000);
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw broken(field + ".url", url, "is not an http(s) link");
            }
        }
    }

    private static void canonical(String field, String value, @CheckForNull String canonical) {
        if (!value.equals(canonical)) {
            throw new InvalidInputException(field, value, "is not in the one form commands record: " + canonical);
        }
    }
}
