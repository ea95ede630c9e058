package org.ipdesk.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Ip;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Observation;
import org.ipdesk.model.SourceKind;

/** What a reader said about one file, gathered for assertions, and the observations a user expects, written short. */
record Read(List<Observation> observations, List<String> problems, ReadSummary summary) {

    static Path fixture(String name) {
        try {
            return Path.of(Read.class.getResource("/observe/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Read with(ObservationReader reader, Path file, Optional<Instant> seenAt) {
        List<Observation> observations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            ReadSummary summary = reader.read(file, seenAt, observations::add, problem -> problems.add(problem.toString()));
            return new Read(observations, problems, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read fixture(ObservationReader reader, String name) {
        return with(reader, fixture(name), Optional.empty());
    }

    /** An observation as a user would write it down: address, MAC or null, host name or null, time, kind, file. */
    static Observation seen(String ip, String mac, String hostname, String at, SourceKind kind, String file) {
        return new Observation(Ip.parse(ip), Optional.ofNullable(mac).map(Mac::parse), Optional.ofNullable(hostname),
                Instant.parse(at), kind, file);
    }
}
