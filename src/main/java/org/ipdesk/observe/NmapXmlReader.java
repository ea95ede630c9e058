package org.ipdesk.observe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;

/**
 * Reads nmap's XML output ({@code nmap -sn -oX scan.xml 10.0.0.0/24}) with the JDK's StAX parser, one element at a
 * time. Only {@code <host>} elements whose {@code <status state="up">} count; down hosts and {@code <hosthint>}s
 * (what nmap guessed before it probed) are ignored. Each IPv4 and IPv6 {@code <address>} of a host is one
 * observation, with the host's first MAC {@code <address>} and its first {@code <hostname>}. The time seen is the
 * host's {@code endtime}, else the scan's {@code start}, else its {@code finished} time, else the given time or the
 * file's.
 *
 * <p>Safe on hostile files: DTDs are not processed and external entities are never resolved. A real nmap file's
 * {@code <!DOCTYPE nmaprun>} is accepted; an entity it does not define is reported as a problem, never fetched.
 */
public final class NmapXmlReader implements ObservationReader {

    @Override
    public SourceKind kind() {
        return SourceKind.NMAP;
    }

    /** A StAX factory that neither reads DTDs nor resolves any external entity. */
    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever else is on the class path
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("the file refers to an outside entity (" + systemId + "), which is not read");
        });
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException notSupported) {
            // a StAX implementation other than the JDK's: DTDs and external entities are already off above
        }
    }

    @Override
    public ReadSummary read(Path file, Optional<Instant> seenAt, Consumer<Observation> observations,
                            Consumer<Problem> problems) throws IOException {
        Tally tally = new Tally(kind(), file, observations, problems);
        Scan scan = new Scan(tally);
        long lines = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = safeFactory().createXMLStreamReader(in);
            try {
                boolean root = true;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event != XMLStreamConstants.END_DOCUMENT) {
                        lines = Math.max(lines, xml.getLocation().getLineNumber());
                    }
                    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                        tally.problem(xml.getLocation().getLineNumber(), "the entity &" + xml.getLocalName()
                                + "; is not part of an nmap scan; it is left out, and nothing it points to is read");
                        continue;
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = xml.getLocalName();
                    if (root) {
                        root = false;
                        if (!name.equals("nmaprun")) {
                            tally.problem(0, "this is XML but not an nmap scan: it"
                                    + " starts with <" + name + ">, where nmap -oX writes <nmaprun>");
                            return tally.summary(lines);
                        }
                        scan.start = seconds(xml, "start");
                    } else if (name.equals("host")) {
                        scan.host(xml);
                    } else if (name.equals("finished")) {
                        scan.finished = seconds(xml, "time");
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            tally.problem(Math.max(line, 0), "the XML breaks off here (" + cause(e) + "); the hosts after it are"
                    + " not read");
            lines = Math.max(lines, line);
        }
        scan.flush(Tally.fileTime(file, seenAt));
        return tally.summary(lines);
    }

    private static String cause(XMLStreamException e) {
        String message = e.getMessage() == null ? "not well-formed" : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static Optional<Instant> seconds(XMLStreamReader xml, String attribute) {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One scan being read: its times, and the hosts that wait for a time when neither they nor the run gave one. */
    private static final class Scan {
        private final Tally tally;
        private Optional<Instant> start = Optional.empty();
        private Optional<Instant> finished = Optional.empty();
        private final List<Pending> undated = new ArrayList<>();

        Scan(Tally tally) {
            this.tally = tally;
        }

        /** Reads one {@code <host>} to its end tag. */
        void host(XMLStreamReader xml) throws XMLStreamException {
            long line = xml.getLocation().getLineNumber();
            Optional<Instant> end = seconds(xml, "endtime");
            boolean up = false;
            List<Ip> ips = new ArrayList<>();
            Optional<Mac> mac = Optional.empty();
            Optional<String> hostname = Optional.empty();
            boolean named = false;
            int depth = 1;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                long at = xml.getLocation().getLineNumber();
                switch (xml.getLocalName()) {
                    case "status" -> up = "up".equals(xml.getAttributeValue(null, "state"));
                    case "address" -> {
                        String addr = xml.getAttributeValue(null, "addr");
                        String type = xml.getAttributeValue(null, "addrtype");
                        if (addr == null) {
                            tally.problem(at, "an <address> without addr=\"…\" is left out");
                        } else if ("mac".equals(type)) {
                            if (mac.isEmpty()) {
                                try {
                                    mac = Optional.of(Mac.parse(addr));
                                } catch (InvalidAddressException e) {
                                    tally.problem(at, Tally.quote(addr) + " is not a host's MAC address ("
                                            + e.getMessage() + "); the host is kept without it");
                                }
                            }
                        } else if ("ipv4".equals(type) || "ipv6".equals(type)) {
                            try {
                                Ip ip = Ip.parse(addr);
                                if (ip.isV4() != "ipv4".equals(type)) {
                                    tally.problem(at, Tally.quote(addr) + " is not an " + ("ipv4".equals(type)
                                            ? "IPv4" : "IPv6") + " address as addrtype=\"" + type + "\" says");
                                    named = true;
                                } else {
                                    ips.add(ip);
                                }
                            } catch (InvalidAddressException e) {
                                tally.problem(at, Tally.quote(addr) + " is not an IP address");
                                named = true;
                            }
                        }
                    }
                    case "hostname" -> {
                        String name = xml.getAttributeValue(null, "name");
                        if (hostname.isEmpty() && name != null && !name.isBlank()) {
                            hostname = Optional.of(name.strip());
                        }
                    }
                    default -> {
                        // ports, times, os guesses: not what this reads
                    }
                }
            }
            if (!up) {
                return;
            }
            if (ips.isEmpty()) {
                if (!named) {
                    tally.problem(line, "a host that is up has no IPv4 or IPv6 address; it is left out");
                }
                return;
            }
            Optional<Instant> seen = end.or(() -> start);
            for (Ip ip : ips) {
                if (seen.isPresent()) {
                    tally.observe(new Observation(ip, mac, hostname, seen.get(), SourceKind.NMAP, tally.fileName()));
                } else {
                    undated.add(new Pending(ip, mac, hostname));
                }
            }
        }

        /** Hands on the hosts that waited for the scan's finished time (or, failing that, the file's time). */
        void flush(Instant fileTime) {
            Instant seen = finished.orElse(fileTime);
            for (Pending host : undated) {
                tally.observe(new Observation(host.ip, host.mac, host.hostname, seen, SourceKind.NMAP,
                        tally.fileName()));
            }
            undated.clear();
        }
    }

    private record Pending(Ip ip, Optional<Mac> mac, Optional<String> hostname) {
    }
}
