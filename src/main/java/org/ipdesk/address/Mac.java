package org.ipdesk.address;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IncompatibleAddressException;
import inet.ipaddr.MACAddressString;
import inet.ipaddr.MACAddressStringParameters;
import inet.ipaddr.mac.MACAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MAC address (EUI-48 or EUI-64) in any usual notation (colons, dashes, Cisco dots, bare hex), held in
 * one canonical form: lower-case hex pairs separated by colons.
 */
public record Mac(String canonical) {
    /** What a MAC is written with: hex digits, the separators of the usual notations, and 0x. */
    private static final Pattern NOTATION = Pattern.compile("[0-9A-Fa-f:.\\- xX]+");
    private static final MACAddressStringParameters STRICT = new MACAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE)
            .toParams();

    /**
     * Parses the MAC of a host: any usual notation, but not the broadcast address, the all-zero address or a
     * multicast address (the I/G bit, the lowest bit of the first byte, set), which no host's interface has.
     */
    public static Mac parse(String text) {
        MACAddress mac = read(text);
        Mac parsed = of(mac);
        if (mac.isMax()) {
            throw new InvalidAddressException("the broadcast MAC address " + parsed + " is not a host's MAC");
        }
        if (mac.isZero()) {
            throw new InvalidAddressException("the all-zero MAC address " + parsed + " is not a host's MAC");
        }
        if (mac.isMulticast()) {
            throw new InvalidAddressException("the multicast MAC address " + parsed + " (the lowest bit of its first "
                    + "byte is set) is not a host's MAC");
        }
        return parsed;
    }

    /** Parses any MAC in any usual notation, group addresses included: for searching, not for a host's MAC. */
    public static Mac parseNotation(String text) {
        return of(read(text));
    }

    private static MACAddress read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException("the MAC address is empty");
        }
        String trimmed = text.strip();
        Parsing.foreignCharacter(trimmed, true).ifPresent(reason -> {
            throw new InvalidAddressException(Parsing.quote(trimmed) + " is not a MAC address: " + reason);
        });
        if (!NOTATION.matcher(trimmed).matches()) {
            // hex digits and separators only: the library fails with a NullPointerException on a wildcard
            // inside bare hex ("3d6f1b7*bc555d")
            throw new InvalidAddressException(Parsing.quote(trimmed) + " is not a MAC address (use e.g. 00:1a:2b:3c:4d:5e)");
        }
        try {
            MACAddress mac = new MACAddressString(trimmed, STRICT).toAddress();
            if (mac == null || mac.isMultiple()
                    || (mac.getSegmentCount() != MACAddress.MEDIA_ACCESS_CONTROL_SEGMENT_COUNT
                        && mac.getSegmentCount() != MACAddress.EXTENDED_UNIQUE_IDENTIFIER_64_SEGMENT_COUNT)) {
                throw new InvalidAddressException(Parsing.quote(trimmed) + " is not a MAC address");
            }
            return mac;
        } catch (AddressStringException | IncompatibleAddressException e) {
            throw new InvalidAddressException(Parsing.quote(trimmed) + " is not a MAC address (use e.g. 00:1a:2b:3c:4d:5e)");
        }
    }

    private static Mac of(MACAddress mac) {
        return new Mac(mac.toColonDelimitedString().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return canonical;
    }
}
