package org.ipdesk.allocator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.AllocatorException.AddressInUse;
import org.ipdesk.allocator.AllocatorException.Conflict;
import org.ipdesk.allocator.AllocatorException.InvalidInput;
import org.ipdesk.allocator.ImportItem.AddressItem;
import org.ipdesk.allocator.ImportItem.Invalid;
import org.ipdesk.allocator.ImportItem.NetworkItem;
import org.ipdesk.allocator.ImportItem.RangeItem;
import org.ipdesk.allocator.ImportItem.SubnetItem;
import org.ipdesk.allocator.ImportPlan.Result;
import org.ipdesk.allocator.ImportPlan.Row;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.Database;
import org.ipdesk.store.Session;

/**
 * Runs an import: the same pass checks every row for the preview (in a rehearsal that is rolled back) and for
 * the apply (in one write transaction). Networks, subnets and ranges go through the allocator's own rules, one
 * row at a time; addresses are checked against the subnet's state in memory and written as batches, with the
 * free extents of each touched subnet rebuilt once. The change log gets one entry for the whole import.
 */
final class Importer {
    private static final int BATCH = 10_000;

    private final SubnetService subnetService;
    private final RangeService rangeService;
    private final Database database;
    private final ChangeWriter changes;

    Importer(SubnetService subnetService, RangeService rangeService, Database database, ChangeWriter changes) {
        this.subnetService = subnetService;
        this.rangeService = rangeService;
        this.database = database;
        this.changes = changes;
    }

    ImportPlan preview(String source, String layout, List<ImportItem> items) {
        List<Row> rows = database.rehearse(s -> new Pass(s).run(items));
        return new ImportPlan(source, layout, items, rows);
    }

    ImportPlan.Applied apply(ImportPlan plan) {
        return apply(plan, () -> false, (done, total) -> { });
    }

    /**
     * Applies the plan; {@code cancelled} is asked between batches of addresses, and a cancel (or any failure)
     * rolls the whole import back. {@code progress} hears how many addresses of how many are written.
     */
    ImportPlan.Applied apply(ImportPlan plan, java.util.function.BooleanSupplier cancelled,
                             Allocator.ImportProgress progress) {
        long started = System.nanoTime();
        return database.write(s -> {
            Pass pass = new Pass(s);
            List<Row> rows = pass.run(plan.items());
            List<Row> problems = rows.stream().filter(r -> r.result() == Result.CONFLICT || r.result() == Result.ERROR)
                    .toList();
            if (!problems.isEmpty()) {
                throw new InvalidInput("the import of " + plan.source() + " was refused and nothing was written: "
                        + problems.size() + (problems.size() == 1 ? " row has" : " rows have")
                        + " an error or a conflict; the first is " + problems.get(0).describe());
            }
            long addresses = pass.writeAddresses(cancelled, progress);
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("the import was cancelled; nothing was written");
            }
            long unchanged = rows.stream().filter(r -> r.result() == Result.UNCHANGED).count();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", plan.source());
            after.put("layout", plan.layout());
            after.put("rows", rows.size());
            after.put("networks", pass.networks);
            after.put("subnets", pass.subnets);
            after.put("ranges", pass.ranges);
            after.put("addresses", addresses);
            after.put("unchanged", unchanged);
            if (pass.networks + pass.subnets + pass.ranges + addresses > 0) {
                // an import that writes nothing (a header-only file, every row unchanged) leaves no entry
                changes.log(s, ChangeAction.CREATE, "import", plan.source(), null, after);
            }
            return new ImportPlan.Applied(plan.source(), pass.networks, pass.subnets, pass.ranges, addresses, unchanged,
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** The state of one pass over the items, inside one transaction. */
    private final class Pass {
        private final Session s;
        private final List<Row> rows = new ArrayList<>();
        private final Map<String, Integer> networkRows = new HashMap<>();
        private final Map<String, Integer> subnetRows = new HashMap<>();
        private final Map<String, Optional<Subnet>> byCidr = new HashMap<>();
        private final Map<Long, Target> targets = new HashMap<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, AddressItem> firstItems = new HashMap<>();
        private final Map<String, Target> lastHit = new HashMap<>();
        /** The target of each address row, found before the subnets are locked. */
        private final Map<AddressItem, Target> addressTargets = new IdentityHashMap<>();
        private List<Network> allNetworks;
        int networks;
        int subnets;
        int ranges;

        Pass(Session s) {
            this.s = s;
        }

        List<Row> run(List<ImportItem> items) {
            for (ImportItem item : items) {
                if (item instanceof Invalid invalid) {
                    rows.add(new Row(invalid.row(), "row", "", Result.ERROR, invalid.reason()));
                }
            }
            for (ImportItem item : items) {
                if (item instanceof NetworkItem n) {
                    network(n);
                }
            }
            for (ImportItem item : items) {
                if (item instanceof SubnetItem sub) {
                    subnet(sub);
                }
            }
            for (ImportItem item : items) {
                if (item instanceof RangeItem r) {
                    range(r);
                }
            }
            allNetworks = s.networks();
            lockAddressSubnets(items);
            for (ImportItem item : items) {
                if (item instanceof AddressItem a) {
                    address(a);
                }
            }
            rows.sort(Comparator.comparingInt(Row::row));
            return rows;
        }

        // ------------------------------------------------------------ networks

        private void network(NetworkItem item) {
            String name = clean(item.name());
            String key = "network '" + name + "'";
            Optional<String> problem = NetworkRules.nameProblem(name)
                    .or(() -> NetworkRules.descriptionProblem(item.description()));
            if (problem.isPresent()) {
                rows.add(new Row(item.row(), "network", key, Result.ERROR, problem.get()));
                return;
            }
            Integer earlier = networkRows.putIfAbsent(name.toLowerCase(Locale.ROOT), item.row());
            Optional<Network> existing = s.networkByName(name);
            String description = clean(item.description());
            if (existing.isPresent()) {
                Network n = existing.get();
                if (description.isEmpty() || description.equals(n.description())) {
                    rows.add(new Row(item.row(), "network", key, Result.UNCHANGED,
                            earlier == null ? "already there" : "also on row " + earlier));
                } else {
                    rows.add(new Row(item.row(), "network", key, Result.CONFLICT, key + " exists with description '"
                            + n.description() + "'; the file says '" + description + "'"
                            + (earlier == null ? "" : " (see row " + earlier + ")")));
                }
                return;
            }
            s.insertNetwork(name, description);
            networks++;
            rows.add(new Row(item.row(), "network", key, Result.NEW, "new network"));
        }

        /** The named network, created when absent; empty when the name is not valid. */
        private Optional<Network> ensureNetwork(String name, List<String> notes) {
            if (NetworkRules.nameProblem(name).isPresent()) {
                return Optional.empty();
            }
            Optional<Network> existing = s.networkByName(name);
            if (existing.isPresent()) {
                return existing;
            }
            networks++;
            notes.add("creates network '" + name + "'");
            return Optional.of(s.insertNetwork(name, ""));
        }

        // ------------------------------------------------------------ subnets

        private void subnet(SubnetItem item) {
            String networkName = clean(item.network());
            SubnetSpec spec = item.spec();
            String key = spec.cidr() + " in " + networkName;
            List<String> notes = new ArrayList<>();
            Optional<String> problem = NetworkRules.nameProblem(networkName)
                    .or(() -> SubnetRules.detailsProblem(spec));
            if (problem.isPresent()) {
                rows.add(new Row(item.row(), "subnet", key, Result.ERROR, problem.get()));
                return;
            }
            Integer earlier = subnetRows.putIfAbsent(key.toLowerCase(Locale.ROOT), item.row());
            Network network = ensureNetwork(networkName, notes).orElseThrow();
            Optional<Subnet> existing = s.subnetsByCidr(spec.cidr()).stream()
                    .filter(x -> x.networkId() == network.id()).findFirst();
            if (existing.isPresent()) {
                List<String> differences = ImportDifferences.of(existing.get(), spec);
                if (differences.isEmpty()) {
                    rows.add(new Row(item.row(), "subnet", key, Result.UNCHANGED,
                            earlier == null ? "already there" : "also on row " + earlier));
                } else {
                    rows.add(new Row(item.row(), "subnet", key, Result.CONFLICT, key + " exists with "
                            + String.join(", ", differences) + (earlier == null ? "" : " (see row " + earlier + ")")));
                }
                return;
            }
            try {
                subnetService.createIn(s, network, cleanSpec(spec), false);
                subnets++;
                rows.add(new Row(item.row(), "subnet", key, Result.NEW,
                        notes.isEmpty() ? "new subnet" : "new subnet; " + String.join("; ", notes)));
            } catch (AllocatorException e) {
                rows.add(new Row(item.row(), "subnet", key, resultOf(e), e.getMessage()));
            }
        }

        private static SubnetSpec cleanSpec(SubnetSpec spec) {
            return new SubnetSpec(spec.cidr(), clean(spec.name()), clean(spec.description()), spec.vlan(),
                    spec.gateway(), spec.staleDays());
        }

        // ------------------------------------------------------------ ranges

        private void range(RangeItem item) {
            String key = item.start() + "-" + item.end();
            Optional<String> text = RangeRules.descriptionProblem(item.description());
            if (text.isPresent()) {
                rows.add(new Row(item.row(), "range", key, Result.ERROR, text.get()));
                return;
            }
            Subnet subnet;
            try {
                subnet = resolve(clean(item.network()), item.subnet(), item.start());
            } catch (AllocatorException e) {
                rows.add(new Row(item.row(), "range", key, Result.ERROR, e.getMessage()));
                return;
            }
            key = key + " in " + subnet.label();
            for (AddressRange r : s.ranges(subnet.id())) {
                if (r.range().start().equals(item.start()) && r.range().end().equals(item.end())) {
                    String description = clean(item.description());
                    if (r.kind() == item.kind() && (description.isEmpty() || description.equals(r.description()))) {
                        rows.add(new Row(item.row(), "range", key, Result.UNCHANGED, "already there"));
                    } else {
                        rows.add(new Row(item.row(), "range", key, Result.CONFLICT, "the range " + r.range() + " of "
                                + subnet.label() + " exists as " + r.kind().label()
                                + (r.description().isEmpty() ? "" : " '" + r.description() + "'") + "; the file says "
                                + item.kind().label() + (description.isEmpty() ? "" : " '" + description + "'")));
                    }
                    return;
                }
            }
            try {
                rangeService.addIn(s, subnet.id(), item.start(), item.end(), item.kind(), clean(item.description()),
                        false);
                ranges++;
                targets.remove(subnet.id());
                rows.add(new Row(item.row(), "range", key, Result.NEW, "new " + item.kind().label() + " range"));
            } catch (AllocatorException e) {
                rows.add(new Row(item.row(), "range", key, resultOf(e), e.getMessage()));
            }
        }

        // ------------------------------------------------------------ addresses

        /**
         * Locks ({@link Session#lockSubnet}) every subnet that address rows go to, in id order as the address commands
         * do, before any of them is checked against the addresses held or written: a no-op under SQLite, a lock on
         * those subnets only on a server engine. A row whose subnet cannot be found locks nothing; it is reported by
         * {@link #address}.
         */
        private void lockAddressSubnets(List<ImportItem> items) {
            SortedSet<Long> ids = new TreeSet<>();
            for (ImportItem item : items) {
                if (item instanceof AddressItem a && AddressRules.detailsProblem(a.details()).isEmpty()) {
                    try {
                        Target target = target(clean(a.network()), a.subnet(), a.ip());
                        addressTargets.put(a, target);
                        ids.add(target.subnet.id());
                    } catch (AllocatorException e) {
                        // the row's error is reported when the row is checked
                    }
                }
            }
            ids.forEach(s::lockSubnet);
        }

        private void address(AddressItem item) {
            Ip ip = item.ip();
            AddressDetails details = item.details();
            Optional<String> hostProblem = AddressRules.detailsProblem(details);
            if (hostProblem.isPresent()) {
                rows.add(new Row(item.row(), "address", ip.toString(), Result.ERROR, hostProblem.get()));
                return;
            }
            Target target;
            try {
                Target found = addressTargets.get(item);
                target = found != null ? found : target(clean(item.network()), item.subnet(), ip);
            } catch (AllocatorException e) {
                // a server's file has no subnet rows: its subnets are created in IPDesk first
                rows.add(new Row(item.row(), "address", ip.toString(), Result.ERROR, item.reservation()
                        ? e.getMessage().replace("add a subnet row for it or create the subnet first",
                        "create that subnet in IPDesk first") : e.getMessage()));
                return;
            }
            Subnet subnet = target.subnet;
            String key = ip + " in " + subnet.label();
            try {
                AddressRules.checkPlacement(subnet, ip, () -> target.children, "give that subnet in the file");
            } catch (AllocatorException e) {
                rows.add(new Row(item.row(), "address", key, Result.ERROR, e.getMessage()));
                return;
            }
            Integer earlier = seen.putIfAbsent(subnet.id() + " " + ip, item.row());
            if (earlier != null) {
                AddressItem first = firstItems.get(subnet.id() + " " + ip);
                if (item.reservation() && first != null
                        && ImportDifferences.ofReservation(first.details(), details).isEmpty()) {
                    // a server's file that names one address twice alike (an A record and its PTR, two views)
                    rows.add(new Row(item.row(), "address", key, Result.UNCHANGED, "also on line " + earlier));
                } else {
                    rows.add(new Row(item.row(), "address", key, Result.ERROR, ip + " is also on "
                            + (item.reservation() ? "line " : "row ") + earlier));
                }
                return;
            }
            firstItems.put(subnet.id() + " " + ip, item);
            Address held = target.held().get(ip);
            if (held != null) {
                List<String> differences = item.reservation() ? ImportDifferences.ofReservation(held.details(), details)
                        : ImportDifferences.of(held.details(), details);
                if (differences.isEmpty()) {
                    rows.add(new Row(item.row(), "address", key, Result.UNCHANGED, "already there"));
                } else {
                    rows.add(new Row(item.row(), "address", key, Result.CONFLICT, AddressRules.inUse(held).getMessage()
                            + "; the file says " + String.join(", ", differences)));
                }
                return;
            }
            Optional<AddressRange> pool = item.reservation() ? target.ranges.stream()
                    .filter(r -> r.kind() == org.ipdesk.model.RangeKind.DHCP && r.range().contains(ip)).findFirst()
                    : Optional.empty();
            if (pool.isPresent()) {
                // a server's reservation inside its pool: held as a DHCP lease, as the pool's rule asks
                details = details.withStatus(org.ipdesk.model.AddressStatus.DHCP);
            }
            try {
                AddressRules.checkDhcpRule(target.ranges, ip, details.status());
            } catch (AllocatorException e) {
                rows.add(new Row(item.row(), "address", key, Result.ERROR, e.getMessage()));
                return;
            }
            target.pending.add(new Session.NewAddress(ip, details));
            rows.add(new Row(item.row(), "address", key, Result.NEW, pool.isPresent() ? "new address, status dhcp: it "
                    + "lies in the DHCP pool " + pool.get().range() : "new address"));
        }

        long writeAddresses(java.util.function.BooleanSupplier cancelled, Allocator.ImportProgress progress) {
            long written = 0;
            long total = targets.values().stream().mapToLong(t -> t.pending.size()).sum();
            java.time.Instant now = changes.now();
            for (Target target : targets.values()) {
                if (target.pending.isEmpty()) {
                    continue;
                }
                List<Session.NewAddress> pending = target.pending;
                for (int from = 0; from < pending.size(); from += BATCH) {
                    if (cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException(
                                "the import was cancelled; nothing was written");
                    }
                    written += s.insertAddresses(target.subnet.id(), pending.subList(from,
                            Math.min(pending.size(), from + BATCH)), now);
                    progress.update(written, total);
                }
                FreeSpace.rebuild(s, target.subnet);
            }
            return written;
        }

        // ------------------------------------------------------------ finding the subnet

        private Target target(String network, Optional<Cidr> cidr, Ip ip) {
            if (cidr.isEmpty() && !network.isEmpty()) {
                Target last = lastHit.get(network.toLowerCase(Locale.ROOT));
                if (last != null && last.subnet.cidr().contains(ip)
                        && last.children.stream().noneMatch(c -> c.cidr().contains(ip))) {
                    return last;
                }
            }
            Subnet subnet = resolve(network, cidr, ip);
            Target target = targets.computeIfAbsent(subnet.id(), id -> new Target(subnet,
                    s.children(subnet.networkId(), OptionalLong.of(id)), s.ranges(id)));
            if (cidr.isEmpty() && !network.isEmpty()) {
                lastHit.put(network.toLowerCase(Locale.ROOT), target);
            }
            return target;
        }

        /** The subnet a range or address row means: the one it names, or the smallest one holding {@code ip}. */
        private Subnet resolve(String network, Optional<Cidr> cidr, Ip ip) {
            if (cidr.isPresent()) {
                String cacheKey = network.toLowerCase(Locale.ROOT) + "|" + cidr.get();
                Optional<Subnet> cached = byCidr.get(cacheKey);
                if (cached == null) {
                    cached = Optional.of(findByCidr(network, cidr.get()));
                    byCidr.put(cacheKey, cached);
                }
                return cached.get();
            }
            Cidr single = new Cidr(ip, ip.version().bits());
            if (!network.isEmpty()) {
                Network n = Lookups.network(s, network);
                return s.subnetsContaining(n.id(), single).stream().findFirst()
                        .orElseThrow(() -> new AllocatorException.NotFound("no subnet of network '" + n.name()
                                + "' holds " + ip + "; add a subnet row for it or create the subnet first"));
            }
            List<Subnet> found = new ArrayList<>();
            for (Network n : allNetworks == null ? s.networks() : allNetworks) {
                s.subnetsContaining(n.id(), single).stream().findFirst().ifPresent(found::add);
            }
            if (found.isEmpty()) {
                throw new AllocatorException.NotFound("no subnet holds " + ip
                        + "; add a subnet row for it or create the subnet first");
            }
            if (found.size() > 1) {
                throw new Conflict(ip + " lies in subnets of several networks (" + String.join(", ",
                        found.stream().map(Subnet::label).toList()) + "); give the network in the file");
            }
            return found.get(0);
        }

        private Subnet findByCidr(String network, Cidr cidr) {
            List<Subnet> found = s.subnetsByCidr(cidr);
            if (!network.isEmpty()) {
                return found.stream().filter(x -> x.networkName().equalsIgnoreCase(network)).findFirst()
                        .orElseThrow(() -> new AllocatorException.NotFound("there is no subnet " + cidr + " in network '"
                                + network + "'; add a subnet row for it or create it first"));
            }
            if (found.isEmpty()) {
                throw new AllocatorException.NotFound("there is no subnet " + cidr
                        + "; add a subnet row for it or create it first");
            }
            if (found.size() > 1) {
                throw new Conflict(cidr + " exists in networks " + String.join(", ",
                        found.stream().map(x -> "'" + x.networkName() + "'").toList()) + "; give the network in the file");
            }
            return found.get(0);
        }

        /** A subnet that address rows go to: its children, ranges, held addresses (read once) and new rows. */
        private final class Target {
            final Subnet subnet;
            final List<Subnet> children;
            final List<AddressRange> ranges;
            final List<Session.NewAddress> pending = new ArrayList<>();
            private Map<Ip, Address> held;

            Target(Subnet subnet, List<Subnet> children, List<AddressRange> ranges) {
                this.subnet = subnet;
                this.children = children;
                this.ranges = ranges;
            }

            Map<Ip, Address> held() {
                if (held == null) {
                    held = new HashMap<>();
                    for (Address a : s.addresses(subnet.id())) {
                        held.put(a.ip(), a);
                    }
                }
                return held;
            }
        }
    }

    private static Result resultOf(AllocatorException e) {
        return e instanceof Conflict || e instanceof AddressInUse ? Result.CONFLICT : Result.ERROR;
    }

    private static String clean(String text) {
        return Objects.requireNonNullElse(text, "").strip();
    }
}
