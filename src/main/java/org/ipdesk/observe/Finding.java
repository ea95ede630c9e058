package org.ipdesk.observe;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Address;
import org.ipdesk.model.Observation;
import org.ipdesk.model.Subnet;

/**
 * Where the records and the network disagree: one row of a reconcile.
 *
 * @param kind        what disagrees
 * @param ip          the address (for {@link Kind#OUTSIDE_SUBNETS}, the first address of the covering block)
 * @param subnet      the subnet the address lies in, if any
 * @param seen        what was seen, in words ("MAC 00:11:22:33:44:55, host pc-7"); an ignore lasts while it is the same
 * @param recorded    what IPDesk records there, in words
 * @param action      the suggested action
 * @param held        the held address as read, when there is one (what an update or release is conditional on)
 * @param observation the observation it comes from, if one
 * @param block       for {@link Kind#OUTSIDE_SUBNETS}: the smallest covering /24 or /64
 */
public record Finding(Kind kind, Ip ip, Optional<Subnet> subnet, String seen, String recorded, Action action,
                      Optional<Address> held, Optional<Observation> observation, Optional<Cidr> block) {
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(block, "block");
    }

    /** The actions this finding can take: its kind's, always with {@link Action#IGNORE} last. */
    public List<Action> actions() {
        return kind.actions();
    }

    /** The kinds of finding, each named in words as the CLI and the JSON write it. */
    public enum Kind {
        /** In use, but free in IPDesk. */
        UNKNOWN_HOST("unknown-host", List.of(Action.RECORD, Action.IGNORE)),
        /** In use on the gateway or inside a reserved range, by a MAC other than the recorded one. */
        RESERVED_IN_USE("reserved-in-use", List.of(Action.INVESTIGATE, Action.IGNORE)),
        /** The MAC seen differs from the recorded one (a swapped NIC or a duplicate address), or none is recorded. */
        MAC_DIFFERS("mac-differs", List.of(Action.UPDATE_MAC, Action.IGNORE)),
        /** One MAC seen on several addresses of one IP version at once. */
        MAC_ON_SEVERAL("mac-on-several", List.of(Action.INVESTIGATE, Action.IGNORE)),
        /** The host name seen differs from the recorded one, or none is recorded. */
        HOSTNAME_DIFFERS("hostname-differs", List.of(Action.UPDATE_HOSTNAME, Action.IGNORE)),
        /** Held, but not seen for the stale days, in a subnet something was seen in within them. */
        STALE("stale", List.of(Action.DEPRECATE_STALE, Action.RELEASE_STALE, Action.IGNORE)),
        /** Seen outside every subnet of every network, grouped by the smallest covering /24 or /64. */
        OUTSIDE_SUBNETS("outside-subnets", List.of(Action.CREATE_SUBNET, Action.IGNORE));

        private final String words;
        private final List<Action> actions;

        Kind(String words, List<Action> actions) {
            this.words = words;
            this.actions = actions;
        }

        public String words() {
            return words;
        }

        public List<Action> actions() {
            return actions;
        }
    }

    /** What can be done about a finding, named in words as {@code ipdesk reconcile --apply} takes them. */
    public enum Action {
        RECORD("record", true),
        UPDATE_MAC("update-mac", true),
        UPDATE_HOSTNAME("update-hostname", true),
        DEPRECATE_STALE("deprecate-stale", true),
        RELEASE_STALE("release-stale", true),
        IGNORE("ignore", true),
        /** A subnet to create by hand ({@code ipdesk subnet create}); reconcile does not create subnets. */
        CREATE_SUBNET("create-subnet", false),
        /** Nothing reconcile can change for you: look at the machines. */
        INVESTIGATE("investigate", false);

        private final String words;
        private final boolean appliable;

        Action(String words, boolean appliable) {
            this.words = words;
            this.appliable = appliable;
        }

        public String words() {
            return words;
        }

        /** Whether reconcile applies it; the others are advice. */
        public boolean appliable() {
            return appliable;
        }

        /** The action reconcile applies named {@code text} ("update-mac"); anything else is refused naming them all. */
        public static Action parse(String text) {
            String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Action action : values()) {
                if (action.appliable && action.words.equals(word)) {
                    return action;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not an action reconcile applies (" + String.join(
                    ", ", java.util.Arrays.stream(values()).filter(Action::appliable).map(Action::words).toList())
                    + ")");
        }
    }
}
