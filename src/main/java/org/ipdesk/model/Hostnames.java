package org.ipdesk.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host name rules of RFC 1123: dot-separated labels of letters, digits and hyphens, at most 253 characters. A
 * character no text field takes (see {@link TextFields}) is named as such first, and an over-long name is refused
 * without quoting it.
 */
public final class Hostnames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Hostnames() {
    }

    /** The problem with the name, or empty when it is valid (an empty name is valid: none given). */
    public static Optional<String> problem(String hostname) {
        if (hostname == null || hostname.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> characters = TextFields.characterProblem(TextFields.Field.HOSTNAME.label(), hostname);
        if (characters.isPresent()) {
            return characters;
        }
        String name = hostname.endsWith(".") ? hostname.substring(0, hostname.length() - 1) : hostname;
        int limit = TextFields.Field.HOSTNAME.limit();
        int length = name.codePointCount(0, name.length());
        if (length > limit) {
            return Optional.of(TextFields.tooLong(TextFields.Field.HOSTNAME.label(), length, limit));
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                return Optional.of("host name '" + hostname + "' has an empty label");
            }
            if (label.length() > 63) {
                return Optional.of("host name '" + hostname + "' has a label longer than 63 characters");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("host name '" + hostname + "' may hold only letters, digits and inner hyphens in each label (RFC 1123)");
            }
        }
        return Optional.empty();
    }
}
