package org.ipdesk.allocator;

import java.util.Objects;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.IgnoredFinding;

/**
 * One change a reconcile applies ({@link Allocator#applyReconcile}): record a seen address, change a held one as it
 * was read, release one, or ignore a finding. Every step of one apply goes in one transaction, or none.
 */
public sealed interface ReconcileStep {
    /** The address the step is about. */
    Ip ip();

    /** What the step does, in words, as a refusal names it: "record 10.0.0.5". */
    String words();

    /** Takes {@code ip} of a subnet with {@code details}; refused when someone took it meanwhile. */
    record Record(long subnetId, Ip ip, AddressDetails details) implements ReconcileStep {
        public Record {
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(details, "details");
        }

        @Override
        public String words() {
            return "record " + ip + " as " + details.status().label();
        }
    }

    /**
     * Writes new details of a held address as it was read ({@code asRead}); refused when someone changed or released
     * it meanwhile. {@code what} names the change: "update the MAC of", "mark deprecated".
     */
    record Update(Address asRead, AddressDetails details, String what) implements ReconcileStep {
        public Update {
            Objects.requireNonNull(asRead, "asRead");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(what, "what");
        }

        @Override
        public Ip ip() {
            return asRead.ip();
        }

        @Override
        public String words() {
            return what + " " + asRead.ip();
        }
    }

    /** Releases a held address as it was read; refused when someone changed or released it meanwhile. */
    record Release(Address asRead) implements ReconcileStep {
        public Release {
            Objects.requireNonNull(asRead, "asRead");
        }

        @Override
        public Ip ip() {
            return asRead.ip();
        }

        @Override
        public String words() {
            return "release " + asRead.ip();
        }
    }

    /** Remembers a finding as ignored until what is seen there changes; the records stay as they are. */
    record Ignore(IgnoredFinding finding) implements ReconcileStep {
        public Ignore {
            Objects.requireNonNull(finding, "finding");
        }

        @Override
        public Ip ip() {
            return finding.ip();
        }

        @Override
        public String words() {
            return "ignore the " + finding.kind() + " finding of " + finding.ip();
        }
    }

    /** Forgets an ignore (the undo of {@link Ignore}): the finding shows again. */
    record Unignore(IgnoredFinding finding) implements ReconcileStep {
        public Unignore {
            Objects.requireNonNull(finding, "finding");
        }

        @Override
        public Ip ip() {
            return finding.ip();
        }

        @Override
        public String words() {
            return "show the " + finding.kind() + " finding of " + finding.ip() + " again";
        }
    }
}
