package org.ipdesk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;

/**
 * Which change-log rows the History view lists. Every part is optional; the parts that are present must all match.
 *
 * @param subnet  a subnet, as its CIDR ("10.0.0.0/24": that block in any network) or its label ("10.0.0.0/24 in
 *                dc1"): matches the subnet itself, its ranges and its addresses
 * @param address an IP address: matches the changes of that address in any subnet
 * @param user    the OS user who made the change, exactly
 * @param from    the first day, inclusive, in the reader's time zone
 * @param to      the last day, inclusive, in the reader's time zone
 */
public record ChangeFilter(Optional<String> subnet, Optional<String> address, Optional<String> user,
                           Optional<LocalDate> from, Optional<LocalDate> to) {

    /** No filter: every change. */
    public static final ChangeFilter ANY = new ChangeFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Blank texts count as absent; texts are stripped. */
    public ChangeFilter {
        subnet = clean(subnet);
        address = clean(address);
        user = clean(user);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public ChangeFilter withSubnet(String text) {
        return new ChangeFilter(Optional.ofNullable(text), address, user, from, to);
    }

    public ChangeFilter withAddress(String text) {
        return new ChangeFilter(subnet, Optional.ofNullable(text), user, from, to);
    }

    public ChangeFilter withUser(String name) {
        return new ChangeFilter(subnet, address, Optional.ofNullable(name), from, to);
    }

    public ChangeFilter withFrom(LocalDate day) {
        return new ChangeFilter(subnet, address, user, Optional.ofNullable(day), to);
    }

    public ChangeFilter withTo(LocalDate day) {
        return new ChangeFilter(subnet, address, user, from, Optional.ofNullable(day));
    }

    /** A subnet filter, read: a CIDR, and the network when a label was given. */
    public record SubnetKey(Cidr cidr, Optional<String> network) {
        /** How the change log names the subnet: "10.0.0.0/24 in dc1"; without a network, "10.0.0.0/24". */
        public String label() {
            return network.map(n -> cidr + " in " + n).orElse(cidr.toString());
        }
    }

    /** The subnet part read as a CIDR or label; empty when absent. Throws {@link InvalidAddressException} when bad. */
    public Optional<SubnetKey> subnetKey() {
        return subnet.map(ChangeFilter::parseSubnet);
    }

    /** The address part read as an IP; empty when absent. Throws {@link InvalidAddressException} when bad. */
    public Optional<Ip> ip() {
        return address.map(Ip::parse);
    }

    /** Why the subnet part cannot be used, in words; empty when it is fine or absent. */
    public Optional<String> subnetProblem() {
        try {
            subnetKey();
            return Optional.empty();
        } catch (InvalidAddressException e) {
            return Optional.of(subnetMessage(subnet.orElseThrow(), e));
        }
    }

    /** Why the address part is not an IP address, in words; empty when it is fine or absent. */
    public Optional<String> addressProblem() {
        try {
            ip();
            return Optional.empty();
        } catch (InvalidAddressException e) {
            return Optional.of("\u201c" + address.orElseThrow() + "\u201d is not an IP address");
        }
    }

    /** "the first day is after the last" when from is after to; empty otherwise. */
    public Optional<String> datesProblem() {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            return Optional.of("the first day (" + from.get() + ") is after the last (" + to.get() + ")");
        }
        return Optional.empty();
    }

    /** The first problem of any part; empty when the filter can be used. */
    public Optional<String> problem() {
        return subnetProblem().or(this::addressProblem).or(this::datesProblem);
    }

    private static SubnetKey parseSubnet(String text) {
        int in = text.indexOf(" in ");
        if (in < 0) {
            return new SubnetKey(Cidr.parse(text), Optional.empty());
        }
        String network = text.substring(in + 4).strip();
        if (network.isEmpty()) {
            throw new InvalidAddressException("no network after \u201cin\u201d");
        }
        return new SubnetKey(Cidr.parse(text.substring(0, in)), Optional.of(network));
    }

    private static String subnetMessage(String text, InvalidAddressException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        if (reason.contains("host bits") || reason.contains("no prefix length") || reason.contains("/0")) {
            return reason;
        }
        return "\u201c" + text + "\u201d is not a subnet: write a CIDR (10.0.0.0/24) or a CIDR and its network "
                + "(10.0.0.0/24 in dc1)";
    }

    private static Optional<String> clean(Optional<String> text) {
        return Objects.requireNonNull(text, "text").map(String::strip).filter(s -> !s.isEmpty());
    }
}
