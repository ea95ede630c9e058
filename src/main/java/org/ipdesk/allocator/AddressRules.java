package org.ipdesk.allocator;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.IpRange;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.AllocatorException.AddressInRange;
import org.ipdesk.allocator.AllocatorException.AddressInUse;
import org.ipdesk.allocator.AllocatorException.AddressNotUsable;
import org.ipdesk.allocator.AllocatorException.AddressOutsideSubnet;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.allocator.AllocatorException.SubnetExhausted;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Hostnames;
import org.ipdesk.model.RangeKind;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.TextFields;
import org.ipdesk.model.TextFields.Field;
import org.ipdesk.store.Session;

/**
 * The rules of a held address: its details, where it may lie, the DHCP range rule, how many one command takes.
 * The dialogs' checks, the commands and import rows all ask these.
 */
final class AddressRules {
    /** What a refusal of an address in a child subnet tells a dialog's user to do. */
    static final String TAKE_IT_THERE = "take it there";

    private AddressRules() {
    }

    /** What is wrong with an address's details (host name, owner, description), if anything. */
    static Optional<String> detailsProblem(AddressDetails details) {
        return Hostnames.problem(details.hostname())
                .or(() -> TextFields.problem(Field.OWNER, details.owner()))
                .or(() -> TextFields.problem(Field.DESCRIPTION, details.description()));
    }

    static void validate(AddressDetails details) {
        Rules.refuse(detailsProblem(details));
    }

    /**
     * {@code ip} may be held in {@code subnet} itself: inside it, usable, not in one of its {@code children}
     * (read only when needed); a refusal of a child's address ends with {@code hint}.
     */
    static void checkPlacement(Subnet subnet, Ip ip, Supplier<List<Subnet>> children, String hint) {
        Cidr cidr = subnet.cidr();
        if (!cidr.contains(ip)) {
            throw new AddressOutsideSubnet(ip + " is outside " + subnet.label());
        }
        Optional<String> unusable = cidr.unusableReason(ip);
        if (unusable.isPresent()) {
            throw new AddressNotUsable(ip + " is " + unusable.get() + " of " + cidr + " and cannot be assigned");
        }
        children.get().stream().filter(c -> c.cidr().contains(ip)).findFirst().ifPresent(c -> {
            throw new AddressOutsideSubnet(ip + " lies in child subnet " + c.cidr() + " of " + subnet.label()
                    + "; " + hint);
        });
    }

    static AddressInUse inUse(Address held) {
        return new AddressInUse(held.ip(), held.holder(),
                held.ip() + " is already " + held.status().label() + " to " + held.holder());
    }

    /** Only status dhcp may be recorded in a DHCP range of {@code ranges}. */
    static void checkDhcpRule(List<AddressRange> ranges, Ip ip, AddressStatus status) {
        if (status == AddressStatus.DHCP) {
            return;
        }
        for (AddressRange r : ranges) {
            if (r.kind() == RangeKind.DHCP && r.range().contains(ip)) {
                throw new AddressInRange(ip + " lies in the DHCP pool " + r.range()
                        + (r.description().isEmpty() ? "" : " (" + r.description() + ")")
                        + "; only status dhcp may be recorded there");
            }
        }
    }

    static void checkDhcpRule(Session s, Subnet subnet, Ip ip, AddressStatus status) {
        if (status == AddressStatus.DHCP) {
            return;
        }
        checkDhcpRule(s.ranges(subnet.id()), ip, status);
    }

    /** {@link #checkDhcpRule(Session, Subnet, Ip, AddressStatus)} for every address of a run at once. */
    static void checkDhcpRule(Session s, Subnet subnet, IpRange run, AddressStatus status) {
        for (AddressRange r : s.ranges(subnet.id())) {
            if (r.kind() == RangeKind.DHCP && r.range().overlaps(run)) {
                checkDhcpRule(s, subnet, Lookups.max(r.range().start(), run.start()), status);
            }
        }
    }

    /**
     * Refuses a count the subnet cannot satisfy, before anything is written or built: reads the free extents in
     * order only until they hold {@code count} addresses (or more than the cap), so the cost is bounded by the cap.
     */
    static void checkCount(Session s, Subnet subnet, long count) {
        BigInteger enough = BigInteger.valueOf(Math.min(count, Allocator.MAX_ADDRESSES_PER_COMMAND + 1L));
        BigInteger[] free = {BigInteger.ZERO};
        s.scanExtents(subnet.id(), extent -> {
            free[0] = free[0].add(extent.size());
            return free[0].compareTo(enough) < 0;
        });
        if (free[0].compareTo(enough) < 0) {
            // the scan saw every extent: free[0] is all the free space there is
            String asked = count + (count == 1 ? " was" : " were") + " asked for";
            throw new SubnetExhausted(free[0].signum() == 0
                    ? subnet.label() + " has no free address left" + (count > 1 ? "; " + asked : "")
                    : subnet.label() + " has " + free[0] + (free[0].equals(BigInteger.ONE) ? " free address; "
                            : " free addresses; ") + asked);
        }
        if (count > Allocator.MAX_ADDRESSES_PER_COMMAND) {
            throw overCap("allocated", count);
        }
    }

    static InvalidInput overCap(String done, long count) {
        return new InvalidInput("at most " + Allocator.MAX_ADDRESSES_PER_COMMAND + " addresses can be " + done
                + " in one command; " + count + " were asked for");
    }

    static void checkBlockCount(int n) {
        if (n < 1) {
            throw new InvalidInput("a block needs at least 1 address, not " + n);
        }
    }

    /** Parses a MAC for callers that hold text, turning a bad value into an {@link InvalidInput}. */
    static Mac parseMac(String text) {
        try {
            return Mac.parse(text);
        } catch (InvalidAddressException e) {
            throw new InvalidInput(e.getMessage());
        }
    }
}
