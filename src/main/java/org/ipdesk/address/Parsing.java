package org.ipdesk.address;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/** Strict parsing through the ipaddress library: no wildcards, ranges, inet_aton forms or empty input. */
final class Parsing {
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(true)
            .allowPrefix(true)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder()
                .allow_inet_aton(false)
                .allowLeadingZeros(false)
                .allowBinary(false)
                .getParentBuilder()
            .getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowBinary(false)
                .getParentBuilder()
            .toParams();

    private Parsing() {
    }

    static IPAddress parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidAddressException(what + " is empty");
        }
        String trimmed = text.strip();
        try {
            IPAddress address = new IPAddressString(trimmed, STRICT).toAddress();
            if (address.isMultiple() && !address.isPrefixBlock()) {
                throw new InvalidAddressException("'" + trimmed + "' is not a single " + what);
            }
            return address;
        } catch (AddressStringException e) {
            throw new InvalidAddressException("'" + trimmed + "' is not a valid " + what + ": " + reason(e));
        }
    }

    /** The library's reason without its echo of the input ("10.0.0.0/33 IP Address error: ..."), in plain words. */
    static String reason(AddressStringException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int error = message.indexOf("error: ");
        String reason = (error >= 0 ? message.substring(error + "error: ".length()) : message)
                .toLowerCase(java.util.Locale.ROOT);
        if (reason.contains("prefix bit-length") || reason.contains("prefix length")) {
            return "the prefix length must be at most 32 for IPv4 and 128 for IPv6";
        }
        if (reason.contains("non-segmented single value") || reason.contains("invalid character")) {
            return "it is not an IPv4 or IPv6 address";
        }
        return reason;
    }
}
