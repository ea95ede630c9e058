package org.ipdesk.address;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;

/**
 * A MAC address (EUI-48 or EUI-64) in any usual notation (colons, dashes, Cisco dots, bare hex), held in
 * one canonical form: lower-case hex pairs separated by colons.
 */
public record Mac(String canonical) {

    public static Mac parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException("the MAC address is empty");
        }
        String trimmed = text.strip();
        try {
            MACAddress mac = new MACAddressString(trimmed).toAddress();
            if (mac == null || mac.isMultiple()
                    || (mac.getSegmentCount() != MACAddress.MEDIA_ACCESS_CONTROL_SEGMENT_COUNT
                        && mac.getSegmentCount() != MACAddress.EXTENDED_UNIQUE_IDENTIFIER_64_SEGMENT_COUNT)) {
                throw new InvalidAddressException("'" + trimmed + "' is not a MAC address");
            }
            return new Mac(mac.toColonDelimitedString().toLowerCase(java.util.Locale.ROOT));
        } catch (AddressStringException e) {
            throw new InvalidAddressException("'" + trimmed + "' is not a MAC address (use e.g. 00:1a:2b:3c:4d:5e)");
        }
    }

    @Override
    public String toString() {
        return canonical;
    }
}
