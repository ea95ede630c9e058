package org.ipdesk.allocator;

import java.util.Objects;
import java.util.Optional;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.model.TextFields;
import org.ipdesk.model.TextFields.Field;

/** What the rules classes of every aggregate share: refusing a problem, cleaning text, rehearsing a command. */
final class Rules {
    private Rules() {
    }

    /** Throws the problem, if there is one, as an {@link InvalidInput}. */
    static void refuse(Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new InvalidInput(p);
        });
    }

    /** Refuses text that {@code field} does not take (a control character, too long): see {@link TextFields}. */
    static void checkText(Field field, String value) {
        refuse(TextFields.problem(field, value));
    }

    /** Text as it is stored: stripped, never null. */
    static String text(String value) {
        return Objects.requireNonNullElse(value, "").strip();
    }

    /** Runs a command that is rolled back anyway: its refusal's message, or empty when it would succeed. */
    static Optional<String> rehearse(Runnable command) {
        try {
            command.run();
            return Optional.empty();
        } catch (AllocatorException e) {
            return Optional.of(e.getMessage());
        }
    }
}
