package org.ipdesk.observe;

import java.nio.file.Path;

/** A file whose content fits none of the kinds IPDesk reads; the message says how to name its kind. */
public final class UnknownFormatException extends IllegalArgumentException {
    public UnknownFormatException(Path file, boolean empty) {
        super("cannot tell what kind of file " + name(file) + " is" + (empty ? " (it is empty)" : "")
                + "; name it with --format nmap|dhcpd|kea|dnsmasq|neighbours");
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
