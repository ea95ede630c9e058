package org.ipdesk.observe;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;

/**
 * Reads dnsmasq's lease file ({@code /var/lib/misc/dnsmasq.leases}) line by line:
 * <ul>
 *   <li>v4 lines {@code EXPIRY MAC ADDRESS HOSTNAME CLIENT-ID} ({@code *} where there is no host name);</li>
 *   <li>the {@code duid …} line (the server's own DUID), skipped;</li>
 *   <li>v6 lines {@code EXPIRY IAID ADDRESS HOSTNAME CLIENT-DUID}: the MAC is the one inside the client's DUID when
 *   that is a DUID-LLT or DUID-LL of an Ethernet card (types 1 and 3, hardware type 1), else none.</li>
 * </ul>
 *
 * <p><b>The time seen is the file's modification time, or the time given with {@code --seen-at}</b>: dnsmasq writes
 * only when each lease expires, not how long it was granted for, so the time it was last renewed cannot be worked
 * out from the file. dnsmasq rewrites the whole file whenever a lease changes, so its modification time is when the
 * leases in it were last known to be held.
 */
public final class DnsmasqLeasesReader implements ObservationReader {

    @Override
    public SourceKind kind() {
        return SourceKind.DNSMASQ;
    }

    @Override
    public ReadSummary read(Path file, Optional<Instant> seenAt, Consumer<Observation> observations,
                            Consumer<Problem> problems) throws IOException {
        Tally tally = new Tally(kind(), file, observations, problems);
        Instant seen = Tally.fileTime(file, seenAt);
        long number = 0;
        try (BufferedReader in = Tally.text(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("duid ")) {
                    continue;
                }
                line(text, number, seen, tally);
            }
        }
        return tally.summary(number);
    }

    private static void line(String text, long number, Instant seen, Tally tally) {
        String[] fields = text.split("\\s+");
        if (fields.length < 4 || fields.length > 5 || !fields[0].chars().allMatch(Character::isDigit)) {
            tally.problem(number, Tally.quote(text) + " is not a dnsmasq lease line (expiry, MAC or IAID,"
                    + " address, host name, client id); it is skipped");
            return;
        }
        Ip ip;
        try {
            ip = Ip.parse(fields[2]);
        } catch (InvalidAddressException e) {
            tally.problem(number, Tally.quote(fields[2]) + " is not an IP address; the line is skipped");
            return;
        }
        Optional<Mac> mac = Optional.empty();
        if (ip.isV4()) {
            try {
                mac = Optional.of(Mac.parse(fields[1]));
            } catch (InvalidAddressException e) {
                tally.problem(number, "MAC " + Tally.quote(fields[1]) + ": " + e.getMessage()
                        + "; the lease is kept without a MAC");
            }
        } else if (!fields[1].chars().allMatch(Character::isDigit)) {
            tally.problem(number, "a v6 lease has its IAID (a number) second, not " + Tally.quote(fields[1])
                    + "; the line is skipped");
            return;
        } else {
            mac = macInDuid(fields[4]);
        }
        Optional<String> hostname = fields[3].equals("*") ? Optional.empty() : Optional.of(fields[3]);
        tally.observe(new Observation(ip, mac, hostname, seen, SourceKind.DNSMASQ, tally.fileName()));
    }

    /**
     * The Ethernet MAC inside a DHCPv6 client DUID written as colon-separated hex (RFC 8415 section 11): a DUID-LLT
     * (00:01, hardware type 00:01, four bytes of time, then the MAC) or a DUID-LL (00:03, 00:01, then the MAC).
     * Other DUIDs (DUID-EN, DUID-UUID, other hardware) carry no MAC: empty.
     */
    static Optional<Mac> macInDuid(String duid) {
        String[] parts = duid.split(":", -1);
        int start;
        if (parts.length == 14 && parts[0].equals("00") && parts[1].equals("01") && parts[2].equals("00")
                && parts[3].equals("01")) {
            start = 8;
        } else if (parts.length == 10 && parts[0].equals("00") && parts[1].equals("03") && parts[2].equals("00")
                && parts[3].equals("01")) {
            start = 4;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(Mac.parse(String.join(":", java.util.Arrays.copyOfRange(parts, start, start + 6))));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }
}
