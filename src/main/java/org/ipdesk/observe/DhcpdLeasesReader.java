package org.ipdesk.observe;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ipdesk.address.InvalidAddressException;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;

/**
 * Reads ISC dhcpd's lease file ({@code /var/lib/dhcp/dhcpd.leases}, {@code dhcpd6.leases}), token by token.
 *
 * <ul>
 *   <li>v4 {@code lease ADDRESS { … }} blocks: an address is in use when its {@code binding state} is
 *       {@code active}; the MAC is its {@code hardware ethernet}, the host name its {@code client-hostname}, the
 *       time seen its {@code cltt} (else {@code starts}).</li>
 *   <li>v6 {@code ia-na}, {@code ia-ta} and {@code ia-pd} blocks: each {@code iaaddr ADDRESS { … }} with
 *       {@code binding state active} is in use, seen at the block's {@code cltt}. Delegated prefixes
 *       ({@code iaprefix}) are not addresses and are skipped without a word.</li>
 * </ul>
 *
 * dhcpd appends a new block each time a lease changes, so <b>the last block for an address wins</b>: an address
 * whose last block is free, expired or released is not in use. That needs one entry per distinct address, so the
 * observations are handed on when the file has been read. Every other block ({@code host} declarations and their
 * rubouts, {@code failover}, {@code class}, {@code subclass}) and top-level statements ({@code server-duid},
 * {@code authoring-byte-order}) are skipped. Times are UTC ({@code 3 2026/11/25 10:00:00}) or
 * {@code epoch SECONDS}; where a block gives none, the given time or the file's is used.
 */
public final class DhcpdLeasesReader implements ObservationReader {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu/M/d H:m:s");

    @Override
    public SourceKind kind() {
        return SourceKind.DHCPD;
    }

    @Override
    public ReadSummary read(Path file, Optional<Instant> seenAt, Consumer<Observation> observations,
                            Consumer<Problem> problems) throws IOException {
        Tally tally = new Tally(kind(), file, observations, problems);
        Instant fallback = Tally.fileTime(file, seenAt);
        Map<Ip, Observation> inUse = new LinkedHashMap<>();
        Tokens tokens;
        try (BufferedReader in = Tally.text(file)) {
            tokens = new Tokens(in);
            new Parser(tokens, tally, inUse, fallback).file();
        }
        inUse.values().forEach(tally::observe);
        return tally.summary(tokens.lines());
    }

    /** One token: a word, a quoted string (without its quotes), or one of { } ;. */
    private record Token(String text, long line, boolean quoted) {
        boolean is(String punctuation) {
            return !quoted && text.equals(punctuation);
        }
    }

    /** A statement's words and what ended it: ';', '{', '}' or the end of the file (null). */
    private record Statement(List<Token> words, Token end) {
        long line() {
            return words.isEmpty() ? (end == null ? 0 : end.line) : words.get(0).line;
        }

        String first() {
            return words.isEmpty() ? "" : words.get(0).text;
        }

        String word(int index) {
            return index < words.size() ? words.get(index).text : "";
        }

        /** The statement as the file wrote it (near enough to find it): "lease 10.0.0.300 {". */
        String shown() {
            StringBuilder text = new StringBuilder();
            for (Token word : words) {
                text.append(text.length() == 0 ? "" : " ").append(word.quoted ? "\"" + word.text + "\"" : word.text);
            }
            if (end != null && !end.is("}")) {
                text.append(end.is("{") ? " {" : ";");
            }
            return text.toString();
        }
    }

    /** Splits dhcpd's syntax into tokens, dropping # comments, counting lines. */
    private static final class Tokens {
        private final BufferedReader in;
        private long line = 1;
        private int peeked = -2;
        private int last = -1;

        Tokens(BufferedReader in) {
            this.in = in;
        }

        /** The lines read: a last line without its newline counts, an empty file has none. */
        long lines() {
            return last == -1 || last == '\n' ? line - 1 : line;
        }

        private int read() throws IOException {
            int c = peeked != -2 ? peeked : in.read();
            peeked = -2;
            if (c != -1) {
                last = c;
            }
            if (c == '\n') {
                line++;
            }
            return c;
        }

        private int peek() throws IOException {
            if (peeked == -2) {
                peeked = in.read();
            }
            return peeked;
        }

        Token next() throws IOException {
            while (true) {
                int c = read();
                if (c == -1) {
                    return null;
                }
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (c == '#') {
                    while (c != -1 && c != '\n') {
                        c = read();
                    }
                    continue;
                }
                long at = line;
                if (c == '{' || c == '}' || c == ';') {
                    return new Token(String.valueOf((char) c), at, false);
                }
                if (c == '"') {
                    return new Token(quoted(), at, true);
                }
                StringBuilder word = new StringBuilder().append((char) c);
                while (true) {
                    int p = peek();
                    if (p == -1 || Character.isWhitespace(p) || p == '{' || p == '}' || p == ';' || p == '"'
                            || p == '#') {
                        return new Token(word.toString(), at, false);
                    }
                    word.append((char) read());
                }
            }
        }

        /** A quoted string after its opening quote: \" \\ and \ooo (octal) escapes decoded. */
        private String quoted() throws IOException {
            StringBuilder text = new StringBuilder();
            while (true) {
                int c = read();
                if (c == -1 || c == '"') {
                    return text.toString();
                }
                if (c != '\\') {
                    text.append((char) c);
                    continue;
                }
                int e = read();
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; i++) {
                        value = value * 8 + (read() - '0');
                    }
                    text.append((char) value);
                } else if (e != -1) {
                    text.append((char) e);
                }
            }
        }
    }

    private static final class Parser {
        private final Tokens tokens;
        private final Tally tally;
        private final Map<Ip, Observation> inUse;
        private final Instant fallback;

        Parser(Tokens tokens, Tally tally, Map<Ip, Observation> inUse, Instant fallback) {
            this.tokens = tokens;
            this.tally = tally;
            this.inUse = inUse;
            this.fallback = fallback;
        }

        private Statement statement() throws IOException {
            List<Token> words = new ArrayList<>();
            while (true) {
                Token token = tokens.next();
                if (token == null || token.is(";") || token.is("{") || token.is("}")) {
                    return new Statement(words, token);
                }
                words.add(token);
            }
        }

        void file() throws IOException {
            while (true) {
                Statement s = statement();
                if (s.end == null) {
                    if (!s.words.isEmpty()) {
                        tally.problem(s.line(), Tally.quote(s.shown()) + " is cut off: the file ends before its ';'");
                    }
                    return;
                }
                if (s.end.is("}")) {
                    tally.problem(s.end.line, "a '}' that closes no block; it is skipped");
                } else if (s.end.is("{")) {
                    switch (s.first()) {
                        case "lease" -> lease(s);
                        case "ia-na", "ia-ta", "ia-pd" -> ia(s);
                        default -> skipBlock(s);
                    }
                }
                // a top-level statement ending in ';' (server-duid, authoring-byte-order): nothing to read
            }
        }

        /** Skips a block to its closing brace; false when the file ended first (and says so). */
        private boolean skipBlock(Statement opened) throws IOException {
            int depth = 1;
            while (depth > 0) {
                Token token = tokens.next();
                if (token == null) {
                    unclosed(opened);
                    return false;
                }
                if (token.is("{")) {
                    depth++;
                } else if (token.is("}")) {
                    depth--;
                }
            }
            return true;
        }

        private void unclosed(Statement opened) {
            tally.problem(opened.line(), "the block " + Tally.quote(opened.shown()) + " is never closed (the file"
                    + " ends first); it is left out");
        }

        private void lease(Statement opened) throws IOException {
            Optional<Ip> ip = address(opened, true);
            String state = "";
            Optional<Instant> cltt = Optional.empty();
            Optional<Instant> starts = Optional.empty();
            Optional<Mac> mac = Optional.empty();
            Optional<String> hostname = Optional.empty();
            while (true) {
                Statement s = statement();
                if (s.end == null) {
                    unclosed(opened);
                    return;
                }
                if (s.end.is("}")) {
                    if (!s.words.isEmpty()) {
                        tally.problem(s.line(), Tally.quote(s.shown()) + " lacks its ';'");
                    }
                    break;
                }
                if (s.end.is("{")) {
                    if (!skipBlock(s)) {
                        return;
                    }
                    continue;
                }
                switch (s.first()) {
                    case "binding" -> state = s.word(1).equals("state") ? s.word(2) : state;
                    case "cltt" -> cltt = time(s);
                    case "starts" -> starts = time(s);
                    case "hardware" -> {
                        if (s.word(1).equals("ethernet")) {
                            try {
                                mac = Optional.of(Mac.parse(s.word(2)));
                            } catch (InvalidAddressException e) {
                                tally.problem(s.line(), Tally.quote(s.shown()) + ": " + e.getMessage()
                                        + "; the lease is kept without a MAC");
                            }
                        }
                    }
                    case "client-hostname" -> {
                        String name = s.word(1).strip();
                        hostname = name.isEmpty() ? Optional.empty() : Optional.of(name);
                    }
                    default -> {
                        // ends, tstp, uid, set, next binding state…: not what this reads
                    }
                }
            }
            if (ip.isEmpty()) {
                return;
            }
            if (state.equals("active")) {
                Instant seen = cltt.isPresent() ? cltt.get() : starts.orElse(fallback);
                inUse.remove(ip.get());
                inUse.put(ip.get(), new Observation(ip.get(), mac, hostname, seen, SourceKind.DHCPD,
                        tally.fileName()));
            } else {
                inUse.remove(ip.get());
            }
        }

        private void ia(Statement opened) throws IOException {
            Optional<Instant> cltt = Optional.empty();
            List<Ip> active = new ArrayList<>();
            List<Ip> inactive = new ArrayList<>();
            while (true) {
                Statement s = statement();
                if (s.end == null) {
                    unclosed(opened);
                    return;
                }
                if (s.end.is("}")) {
                    break;
                }
                if (s.end.is("{")) {
                    if (s.first().equals("iaaddr")) {
                        Optional<Ip> ip = address(s, false);
                        Optional<String> state = iaaddr(s);
                        if (state == null) {
                            return;
                        }
                        if (ip.isPresent()) {
                            (state.orElse("").equals("active") ? active : inactive).add(ip.get());
                        }
                    } else if (!skipBlock(s)) {
                        // iaprefix (a delegated prefix, not an address) and anything else
                        return;
                    }
                    continue;
                }
                if (s.first().equals("cltt")) {
                    cltt = time(s);
                }
            }
            Instant seen = cltt.orElse(fallback);
            for (Ip ip : inactive) {
                inUse.remove(ip);
            }
            for (Ip ip : active) {
                inUse.remove(ip);
                inUse.put(ip, new Observation(ip, Optional.empty(), Optional.empty(), seen, SourceKind.DHCPD,
                        tally.fileName()));
            }
        }

        /** Reads an iaaddr block: its binding state, or null when the file ended inside it. */
        private Optional<String> iaaddr(Statement opened) throws IOException {
            String state = "";
            while (true) {
                Statement s = statement();
                if (s.end == null) {
                    unclosed(opened);
                    return null;
                }
                if (s.end.is("}")) {
                    return Optional.of(state);
                }
                if (s.end.is("{")) {
                    if (!skipBlock(s)) {
                        return null;
                    }
                } else if (s.first().equals("binding") && s.word(1).equals("state")) {
                    state = s.word(2);
                }
            }
        }

        /** The address after "lease" or "iaaddr", or empty after naming the problem. */
        private Optional<Ip> address(Statement opened, boolean v4) {
            String text = opened.word(1);
            try {
                Ip ip = Ip.parse(text);
                if (ip.isV4() == v4) {
                    return Optional.of(ip);
                }
            } catch (InvalidAddressException e) {
                // named below
            }
            tally.problem(opened.line(), Tally.quote(opened.shown()) + " is not " + (v4 ? "an IPv4" : "an IPv6")
                    + " address; the block is skipped");
            return Optional.empty();
        }

        /** "starts 3 2026/11/25 10:00:00;" (UTC), "starts epoch 1764064800;", or "never". */
        private Optional<Instant> time(Statement s) {
            try {
                if (s.word(1).equals("never")) {
                    return Optional.empty();
                }
                if (s.word(1).equals("epoch")) {
                    return Optional.of(Instant.ofEpochSecond(Long.parseLong(s.word(2))));
                }
                if (s.words.size() == 4) {
                    return Optional.of(LocalDateTime.parse(s.word(2) + " " + s.word(3), DATE_TIME)
                            .toInstant(ZoneOffset.UTC));
                }
            } catch (NumberFormatException | DateTimeException e) {
                // named below
            }
            tally.problem(s.line(), Tally.quote(s.shown()) + " is not a time as dhcpd writes it (e.g. 'starts 3"
                    + " 2026/11/25 10:00:00;')");
            return Optional.empty();
        }
    }
}
