package org.ipdesk.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.allocator.ImportItem;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Hostnames;

/**
 * ISC dhcpd's {@code host} blocks, wherever they are nested (global, group, shared-network, subnet, subnet6):
 * {@code fixed-address} (IPv4, several separated by commas) and {@code fixed-address6} give addresses with status
 * reserved; {@code hardware ethernet} the MAC; the host name is {@code ddns-hostname}, else
 * {@code option host-name}, else the block's name when that is a valid host name and not the address written
 * with dashes ({@code ip-10-0-0-5}, a name for a host without one). A host without a fixed address
 * holds none and is left out; a fixed address given as a DNS name is an error (IPDesk never looks names up).
 * {@code include} is not followed (an error naming its line). The file is read token by token, line by line.
 */
final class DhcpdHosts {
    static final int MAX_DEPTH = 32;

    private final ServerFiles.Entries entries = new ServerFiles.Entries();
    private final ConfigLines lines;
    private final List<Token> pending = new ArrayList<>();
    private boolean ended;

    private DhcpdHosts(ConfigLines lines) {
        this.lines = lines;
    }

    private record Token(String text, boolean quoted, int line) {
        boolean is(String s) {
            return !quoted && text.equals(s);
        }
    }

    static List<ImportItem> read(ConfigLines lines) throws IOException {
        DhcpdHosts d = new DhcpdHosts(lines);
        d.run();
        return d.entries.items();
    }

    private void run() throws IOException {
        List<Integer> open = new ArrayList<>();
        List<Token> statement = new ArrayList<>();
        Token t;
        while ((t = next()) != null) {
            if (t.is(";")) {
                if (!statement.isEmpty() && statement.get(0).is("include")) {
                    entries.problem(statement.get(0).line(), "the include of "
                            + (statement.size() > 1 ? "\"" + statement.get(1).text() + "\"" : "a file")
                            + " is not followed: IPDesk reads only the file it is given; import that file on its own");
                }
                statement.clear();
            } else if (t.is("{")) {
                if (!statement.isEmpty() && statement.get(0).is("host")) {
                    host(statement);
                } else if (open.size() >= MAX_DEPTH) {
                    entries.problem(t.line(), "blocks are nested more than " + MAX_DEPTH
                            + " deep here; this block was not read");
                    skipBlock(t.line());
                } else {
                    open.add(t.line());
                }
                statement.clear();
            } else if (t.is("}")) {
                if (open.isEmpty()) {
                    entries.problem(t.line(), "this } closes no block");
                } else {
                    open.remove(open.size() - 1);
                }
                statement.clear();
            } else {
                statement.add(t);
            }
        }
        if (!open.isEmpty()) {
            entries.problem(open.get(open.size() - 1), "the block opened here is not closed by the end of the file");
        }
    }

    /** A host block; {@code header} is "host NAME". */
    private void host(List<Token> header) throws IOException {
        int line = header.get(0).line();
        String blockName = header.size() > 1 ? header.get(1).text() : "";
        String hostName = "";
        String ddns = "";
        Optional<Mac> mac = Optional.empty();
        boolean macBad = false;
        List<Token> addresses = new ArrayList<>();
        List<Token> statement = new ArrayList<>();
        Token t;
        while (true) {
            t = next();
            if (t == null) {
                entries.problem(line, "the host block opened here is not closed by the end of the file");
                return;
            }
            if (t.is("}")) {
                break;
            }
            if (t.is("{")) {
                entries.problem(t.line(), "a block inside host " + blockName + " was not read");
                skipBlock(t.line());
                statement.clear();
                continue;
            }
            if (!t.is(";")) {
                statement.add(t);
                continue;
            }
            if (statement.isEmpty()) {
                continue;
            }
            String keyword = statement.get(0).text().toLowerCase(Locale.ROOT);
            int at = statement.get(0).line();
            if (keyword.equals("hardware") && statement.size() >= 3) {
                try {
                    mac = Optional.of(ServerFiles.mac(statement.get(2).text()));
                } catch (IllegalArgumentException e) {
                    entries.problem(at, "hardware " + statement.get(1).text() + " "
                            + ServerFiles.quote(statement.get(2).text()) + ": " + e.getMessage());
                    macBad = true;
                }
            } else if (keyword.equals("fixed-address") || keyword.equals("fixed-address6")) {
                for (Token a : statement.subList(1, statement.size())) {
                    if (!a.is(",")) {
                        addresses.add(new Token(a.text(), a.quoted(), at));
                    }
                }
            } else if (keyword.equals("option") && statement.size() >= 3
                    && statement.get(1).text().equalsIgnoreCase("host-name")) {
                hostName = statement.get(2).text();
            } else if (keyword.equals("ddns-hostname") && statement.size() >= 2) {
                ddns = statement.get(1).text();
            }
            statement.clear();
        }
        if (macBad) {
            return;
        }
        String name = !ddns.isBlank() ? ddns : !hostName.isBlank() ? hostName
                : Hostnames.problem(blockName).isEmpty() ? blockName : "";
        for (Token a : addresses) {
            Optional<Ip> ip = ServerFiles.ip(a.text());
            if (ip.isPresent()) {
                // "ip-10-0-0-5" names a host block after its address (as IPDesk's export does for a reservation
                // without a host name): not a host name
                boolean named = !(ddns.isBlank() && hostName.isBlank()) || !blockName.equalsIgnoreCase(
                        "ip-" + ip.get().toString().replace('.', '-').replace(':', '-'));
                entries.address(a.line(), ip.get(), AddressStatus.RESERVED, named ? name.strip() : "", mac);
            } else if (a.text().matches("[A-Za-z0-9.-]+") && a.text().matches(".*[A-Za-z].*")
                    && !a.text().contains(":")) {
                entries.problem(a.line(), "fixed-address " + ServerFiles.quote(a.text()) + " of host " + blockName
                        + " is a name, not an address; IPDesk never looks names up: write the address");
            } else {
                entries.problem(a.line(), ServerFiles.quote(a.text()) + " (fixed-address of host " + blockName
                        + ") is not a valid IP address");
            }
        }
    }

    /** Skips to the } that closes a block opened on {@code line}. */
    private void skipBlock(int line) throws IOException {
        int depth = 1;
        Token t;
        while ((t = next()) != null) {
            if (t.is("{")) {
                depth++;
            } else if (t.is("}") && --depth == 0) {
                return;
            }
        }
        entries.problem(line, "the block opened here is not closed by the end of the file");
    }

    // ------------------------------------------------------------ tokens

    private Token next() throws IOException {
        while (pending.isEmpty()) {
            if (ended) {
                return null;
            }
            String line = lines.next();
            if (line == null) {
                ended = true;
                return null;
            }
            if (lines.truncated()) {
                entries.problem(lines.number(), ConfigLines.tooLong());
                continue;
            }
            tokenize(line, lines.number());
        }
        return pending.remove(0);
    }

    private void tokenize(String line, int number) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                return;
            } else if (c == '{' || c == '}' || c == ';' || c == ',') {
                pending.add(new Token(String.valueOf(c), false, number));
                i++;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                        j++;
                    }
                    s.append(line.charAt(j));
                    j++;
                }
                if (j >= line.length()) {
                    entries.problem(number, "a quoted string is not closed on its line");
                    pending.add(new Token(";", false, number));
                    return;
                }
                pending.add(new Token(s.toString(), true, number));
                i = j + 1;
            } else {
                int j = i;
                while (j < line.length() && !Character.isWhitespace(line.charAt(j))
                        && "{};,\"#".indexOf(line.charAt(j)) < 0) {
                    j++;
                }
                pending.add(new Token(line.substring(i, j), false, number));
                i = j;
            }
        }
    }
}
