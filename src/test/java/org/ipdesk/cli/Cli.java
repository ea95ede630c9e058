package org.ipdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link IpDeskCli} in-process on one database file and captures what it prints; the one CLI runner of the
 * tests (cli/ and store/).
 */
public final class Cli {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path db;

    public Cli(Path db) {
        this.db = db;
    }

    public record Result(int code, String out, String err) {
        public List<String> lines() {
            return out.lines().toList();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** {@code ipdesk --db FILE args...}. */
    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        return raw(all.toArray(String[]::new));
    }

    /** Exactly {@code args}, no --db added. */
    public static Result raw(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = IpDeskCli.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What a run printed, standard output as bytes. */
    record Bytes(int code, byte[] out, String err) {
    }

    /** {@code ipdesk --db FILE args...} with standard output a terminal or not; its output kept as bytes. */
    Bytes runOn(boolean terminal, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = IpDeskCli.run(all.toArray(String[]::new), o, e, terminal);
        }
        return new Bytes(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed; returns its output. */
    public Result ok(String... args) {
        Result result = run(args);
        if (result.code() != 0) {
            throw new AssertionError("expected success of " + String.join(" ", args) + "\n" + result);
        }
        return result;
    }
}
