package org.ipdesk.dev;

import java.util.Optional;
import java.util.SplittableRandom;
import org.ipdesk.address.Mac;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressStatus;

/** The made-up details of generated addresses: host names, MACs, owners, a mix of statuses. */
final class GeneratedDetails {
    private static final String[] OWNERS = {"network", "platform", "storage", "voice", "security", "facilities",
            "web", "database"};

    private GeneratedDetails() {
    }

    static AddressDetails details(SplittableRandom random, long n) {
        int roll = random.nextInt(100);
        String owner = OWNERS[random.nextInt(OWNERS.length)];
        if (roll < 82) {
            Optional<Mac> mac = random.nextInt(10) < 6 ? Optional.of(mac(n)) : Optional.empty();
            return new AddressDetails(AddressStatus.ALLOCATED, numbered("srv-", n, ".example.net"), mac, owner,
                    random.nextInt(20) == 0 ? "generated test data" : "");
        } else if (roll < 90) {
            return new AddressDetails(AddressStatus.RESERVED, "", Optional.empty(), owner, "held for " + owner);
        } else if (roll < 96) {
            return new AddressDetails(AddressStatus.DEPRECATED, numbered("old-", n, ".example.net"),
                    Optional.empty(), owner, "to be removed");
        }
        return new AddressDetails(AddressStatus.DHCP, "", Optional.of(mac(n)), "", "static lease");
    }

    /** A locally administered MAC made from a counter, so the generated ones are distinct. */
    static Mac mac(long n) {
        StringBuilder text = new StringBuilder(17).append("02:00");
        for (int shift = 24; shift >= 0; shift -= 8) {
            int octet = (int) (n >>> shift) & 0xff;
            text.append(':').append(HEX[octet >>> 4]).append(HEX[octet & 0xf]);
        }
        return new Mac(text.toString());
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code prefix} + n as seven digits (or more) + {@code suffix}, without the cost of String.format. */
    static String numbered(String prefix, long n, String suffix) {
        String digits = Long.toString(n);
        StringBuilder text = new StringBuilder(prefix.length() + 7 + suffix.length()).append(prefix);
        for (int i = digits.length(); i < 7; i++) {
            text.append('0');
        }
        return text.append(digits).append(suffix).toString();
    }
}
