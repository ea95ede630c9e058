package org.ipdesk.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ipdesk.address.Cidr;
import org.ipdesk.address.Ip;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.cli.IpDeskCli;
import org.ipdesk.model.Address;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Database;
import org.ipdesk.store.Location;

/**
 * The child process of {@link KillDuringWriteCrashIT}: runs one operation the way IPDesk runs it, so that the
 * test can kill it (SIGKILL) at any moment. Before the operation starts it creates the marker file, from which the
 * test times its kill.
 *
 * <p>Arguments: marker file, then the operation:
 * <ul>
 * <li>{@code cli ARGS...}: {@code ipdesk ARGS...} in this process ({@code import}, {@code ip next}, {@code ip block},
 * {@code backup}), exiting with its exit code;</li>
 * <li>{@code release-all DB CIDR}: what the window's release of a selection does
 * ({@code Allocator.releaseAll} of every address held in the subnet, one transaction);</li>
 * <li>{@code restore BACKUP}: what the window's File → Restore does (opens the backup as its database and reads the
 * tree, the totals and the usage from it), then closes it.</li>
 * </ul>
 */
public final class CrashDriver {
    private CrashDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path marker = Path.of(args[0]);
        String operation = args[1];
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        // load the SQLite driver and its native library before the marker, so the kill delays measure the operation
        Database.loadDriver();
        Class.forName(IpDeskCli.class.getName());
        Files.createFile(marker);
        int code = switch (operation) {
            case "cli" -> IpDeskCli.run(rest.toArray(String[]::new), System.out, System.err);
            case "release-all" -> releaseAll(Path.of(rest.get(0)), Cidr.parse(rest.get(1)));
            case "restore" -> restore(Path.of(rest.get(0)));
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        };
        System.out.flush();
        System.exit(code);
    }

    private static int releaseAll(Path db, Cidr cidr) {
        try (Allocator allocator = Allocator.open(Location.of(db))) {
            Subnet subnet = allocator.findSubnet(cidr, Optional.empty());
            List<Ip> held = allocator.addressesIn(subnet.id(), cidr.range()).stream().map(Address::ip).toList();
            System.out.println("Released " + allocator.releaseAll(subnet.id(), held).size());
        }
        return 0;
    }

    private static int restore(Path backup) {
        try (Allocator allocator = Allocator.open(Location.of(backup))) {
            System.out.println(allocator.networks().size() + " networks, " + allocator.subnets().size() + " subnets, "
                    + allocator.addressCount() + " addresses, usage of " + allocator.usageBySubnet().size());
        }
        return 0;
    }
}
