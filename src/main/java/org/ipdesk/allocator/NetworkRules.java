package org.ipdesk.allocator;

import java.util.Optional;
import org.ipdesk.model.TextFields;
import org.ipdesk.model.TextFields.Field;

/** The rules of a network's own fields, for its commands and for import rows alike. */
final class NetworkRules {
    private NetworkRules() {
    }

    /** What is wrong with a network's name (empty, a refused character, too long), if anything. */
    static Optional<String> nameProblem(String name) {
        String clean = Rules.text(name);
        if (clean.isEmpty()) {
            return Optional.of("the " + Field.NETWORK_NAME.label() + " is empty");
        }
        return TextFields.problem(Field.NETWORK_NAME, clean);
    }

    /** What is wrong with a network's description, if anything. */
    static Optional<String> descriptionProblem(String description) {
        return TextFields.problem(Field.NETWORK_DESCRIPTION, description);
    }

    /** The name, stripped; refused when it has a {@link #nameProblem problem}. */
    static String requireName(String name) {
        Rules.refuse(nameProblem(name));
        return Rules.text(name);
    }

    /** Refuses a name or description with a problem, the name first; returns the stripped name. */
    static String check(String name, String description) {
        String clean = requireName(name);
        Rules.refuse(descriptionProblem(description));
        return clean;
    }
}
