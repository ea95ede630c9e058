package org.ipdesk.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.Subnet;
import org.ipdesk.observe.Finding;
import org.ipdesk.observe.Finding.Action;
import org.ipdesk.observe.Reconciler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipdesk reconcile [NETWORK|CIDR] [--stale-days N] [--json] [--apply ACTION,...]}. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Lists where the records and the observations (what scans, lease files and neighbour tables "
                + "saw in use) disagree, for a network, a subnet (its children included) or everything.",
                "Kinds: unknown-host (in use but free in IPDesk), reserved-in-use (the gateway or a reserved range "
                        + "used by another MAC), mac-differs, mac-on-several (one MAC on several addresses at once), "
                        + "hostname-differs, stale (held but not seen for the stale days), outside-subnets (seen "
                        + "outside every subnet, grouped by /24 or /64). Ignored findings stay away until what is "
                        + "seen there changes.",
                "--apply applies the chosen actions as one change: all of them, or none when one no longer applies."})
final class ReconcileCommand extends CliCommand {
    @Parameters(paramLabel = "NETWORK|CIDR", arity = "0..1",
            description = "A network's name, or a subnet's CIDR; every network when left out.")
    String scope;

    @Option(names = "--network", paramLabel = "NETWORK",
            description = "The network of the CIDR, when it exists in several.")
    String network;

    @Option(names = "--stale-days", paramLabel = "N",
            description = "Held addresses not seen for N days are stale, in every subnet; only what was seen within N "
                    + "days counts as in use. Without it each subnet's own stale days count (ipdesk subnet edit "
                    + "CIDR --stale-days N; " + Reconciler.DEFAULT_STALE_DAYS + " unless set).")
    Integer staleDays;

    @Option(names = "--apply", paramLabel = "ACTION", split = ",",
            description = "Apply these actions to the findings that offer them: record, update-mac, update-hostname,"
                    + " deprecate-stale, release-stale, ignore.")
    List<String> apply = new ArrayList<>();

    @Option(names = "--json", description = "Print a JSON array of {ip, kind, network, subnet, seen, recorded, action,"
            + " actions}.")
    boolean json;

    record FindingJson(String ip, String kind, String network, String subnet, String seen, String recorded,
                       String action, List<String> actions) {
        static FindingJson of(Finding f) {
            return new FindingJson(f.ip().toString(), f.kind().words(),
                    f.subnet().map(Subnet::networkName).orElse(null),
                    f.subnet().map(s -> s.cidr().toString()).orElse(f.block().map(Cidr::toString).orElse(null)),
                    f.seen(), f.recorded(), f.action().words(), f.actions().stream().map(Action::words).toList());
        }
    }

    @Override
    void execute() {
        if (staleDays != null && staleDays < 1) {
            throw new IllegalArgumentException("--stale-days must be at least 1, not " + staleDays);
        }
        OptionalInt days = staleDays == null ? OptionalInt.empty() : OptionalInt.of(staleDays);
        Set<Action> chosen = new LinkedHashSet<>();
        apply.stream().filter(a -> !a.isBlank()).forEach(a -> chosen.add(Action.parse(a)));
        Cidr cidr = scope != null && scope.contains("/") ? Cidr.parse(scope.strip()) : null;
        if (network != null && cidr == null) {
            throw new IllegalArgumentException("--network picks the network of a CIDR; give a CIDR, or the network "
                    + "alone");
        }
        List<Finding> findings;
        int applied = 0;
        try (Allocator allocator = openAllocator()) {
            Reconciler reconciler = new Reconciler(allocator);
            Instant now = Instant.now();
            if (cidr != null) {
                findings = reconciler.subnet(subnet(allocator, cidr, network).id(), days, now);
            } else if (scope != null) {
                findings = reconciler.network(scope, days, now);
            } else {
                findings = reconciler.everything(days, now);
            }
            if (!chosen.isEmpty()) {
                applied = reconciler.apply(findings, chosen);
                List<Finding> before = findings;
                findings = cidr != null ? reconciler.subnet(subnet(allocator, cidr, network).id(), days, now)
                        : scope != null ? reconciler.network(scope, days, now)
                        : reconciler.everything(days, now);
                say("Applied " + applied + (applied == 1 ? " change" : " changes") + " ("
                        + String.join(", ", chosen.stream().map(Action::words).toList()) + ") as one command; "
                        + (before.size() - findings.size()) + " of " + before.size() + " findings are settled.");
            }
        }
        if (json) {
            printJson(findings.stream().map(FindingJson::of).toList());
            return;
        }
        if (findings.isEmpty()) {
            say(chosen.isEmpty() ? "No findings: the records match what was seen." : "No findings are left.");
            return;
        }
        Table table = new Table("ADDRESS", "KIND", "SEEN", "RECORDED", "SUGGESTED");
        for (Finding f : findings) {
            table.row(f.block().map(Cidr::toString).orElse(f.ip().toString()), f.kind().words(), f.seen(),
                    f.recorded(), f.action().words());
        }
        table.print(out());
    }
}
