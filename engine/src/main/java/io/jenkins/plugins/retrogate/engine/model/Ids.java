package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers users see: {@code INC-12}, {@code INC-12-A3}, {@code DEP-40}, {@code OVR-2},
 * {@code REQ-7}. Numbers are monotonic and never reused.
 */
public final class Ids {
    private static final Pattern INCIDENT = Pattern.compile("INC-([1-9][0-9]{0,9})");
    private static final Pattern ITEM = Pattern.compile("INC-([1-9][0-9]{0,9})-A([1-9][0-9]{0,9})");

    private Ids() {
    }

    public static String incident(long number) {
        return "INC-" + number;
    }

    public static String item(String incidentId, int number) {
        return incidentId + "-A" + number;
    }

    /** The number of an incident ({@code INC-12} → 12). */
    public static long incidentNumber(String incidentId) {
        return Long.parseLong(incidentId.substring(incidentId.indexOf('-') + 1));
    }

    /** The number part of an action item's id ({@code INC-3-A2} → 2). */
    public static int itemNumber(String itemId) {
        return Integer.parseInt(itemId.substring(itemId.lastIndexOf("-A") + 2));
    }

    public static String deployment(long number) {
        return "DEP-" + number;
    }

    public static String override(long number) {
        return "OVR-" + number;
    }

    public static String overrideRequest(long number) {
        return "REQ-" + number;
    }

    /** Parses an incident id, forgiving case and surrounding blanks. */
    public static String parseIncident(String field, String raw) {
        return parse(INCIDENT, field, raw, "is not an incident id like INC-12");
    }

    /** Parses an action item id, forgiving case and surrounding blanks. */
    public static String parseItem(String field, String raw) {
        return parse(ITEM, field, raw, "is not an action item id like INC-12-A1");
    }

    /** Whether the text is an action item id. */
    public static boolean isItem(String text) {
        return text != null && ITEM.matcher(text.strip().toUpperCase(Locale.ROOT)).matches();
    }

    private static String parse(Pattern pattern, String field, @CheckForNull String raw, String allowed) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        Matcher matcher = pattern.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidInputException(field, raw == null ? "" : raw, allowed);
        }
        return value;
    }
}
