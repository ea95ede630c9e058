package org.ipdesk.ui.help;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ipdesk.model.CellState;
import org.ipdesk.store.Location;

/**
 * The text of Help → How IPDesk works: short sections, each a heading and blocks of paragraphs, the colour legend
 * of the grid, or the folders and files in use. Paragraphs mark {@code **bold**} and {@code `code`}. Plain data, so
 * the view only lays it out and a test reads it without a window.
 */
public final class HowItWorks {

    /** One section: a heading and what follows it. */
    public record Section(String heading, List<Block> blocks) {
        public Section {
            Objects.requireNonNull(heading, "heading");
            blocks = List.copyOf(blocks);
        }
    }

    /** A part of a section. */
    public sealed interface Block permits Paragraph, Legend, Places {
    }

    /** A paragraph; {@code **bold**} and {@code `code`} mark words. */
    public record Paragraph(String markup) implements Block {
    }

    /** The grid's states, each drawn with the grid's own colours, with what it means. */
    public record Legend(List<LegendEntry> entries) implements Block {
        public Legend {
            entries = List.copyOf(entries);
        }
    }

    public record LegendEntry(CellState state, String meaning) {
    }

    /** Folders and files, each with what it is (shown so they can be selected and copied). */
    public record Places(List<Place> places) implements Block {
        public Places {
            places = List.copyOf(places);
        }
    }

    public record Place(String what, String path) {
    }

    /**
     * What the page says about this installation.
     *
     * @param dataFolder      the data folder
     * @param defaultDatabase the default database in it
     * @param settingsFile    where the window keeps its settings
     * @param openDatabase    the database open now
     * @param warningPercent  the warning threshold in force
     * @param criticalPercent the critical threshold in force
     */
    public record Facts(Path dataFolder, Path defaultDatabase, Path settingsFile, Location openDatabase,
                        int warningPercent, int criticalPercent) {
    }

    private HowItWorks() {
    }

    /** The page, with the folders, files and thresholds of {@code facts}. */
    public static List<Section> sections(Facts facts) {
        return List.of(
                new Section("Networks, subnets and addresses", List.of(
                        new Paragraph("A **network** is a site, a VRF or any address space of its own: dc1, "
                                + "branch-office, lab. It holds **subnets**, IPv4 or IPv6 CIDRs. A subnet inside "
                                + "another (a /24 in a /16) sits under it in the tree. A subnet holds the "
                                + "**addresses** you record, each with a host name, MAC, owner and description."),
                        new Paragraph("The tree on the left lists every network and subnet with how full it is. "
                                + "The grid in the middle has one cell per address of the selected subnet; a subnet "
                                + "of more than 65,536 addresses shows a block map instead (double-click a block to "
                                + "zoom in). The pane on the right shows the selected address and its history."))),
                new Section("What the colours mean", List.of(
                        new Legend(List.of(
                                new LegendEntry(CellState.FREE, "nobody holds it"),
                                new LegendEntry(CellState.ALLOCATED, "held by a host (status allocated)"),
                                new LegendEntry(CellState.RESERVED, "held, set aside by hand (status reserved)"),
                                new LegendEntry(CellState.DHCP, "held with status dhcp: a lease of a DHCP pool"),
                                new LegendEntry(CellState.DEPRECATED, "held, but on its way out (status deprecated)"),
                                new LegendEntry(CellState.DHCP_RANGE, "free, in a DHCP pool: your DHCP server hands "
                                        + "it out, IPDesk never does"),
                                new LegendEntry(CellState.RESERVED_RANGE, "free, in a reserved range: kept back "
                                        + "from automatic allocation"),
                                new LegendEntry(CellState.GATEWAY, "the subnet's gateway"),
                                new LegendEntry(CellState.UNUSABLE, "the network or broadcast address (IPv4), the "
                                        + "subnet-router anycast address (IPv6)"),
                                new LegendEntry(CellState.CHILD_SUBNET, "belongs to a child subnet: select that "
                                        + "subnet to see it"))),
                        new Paragraph("Free cells have an outline and unusable ones a cross, and every cell's "
                                + "tooltip names its state, so nothing depends on colour alone. In the tree a usage "
                                + "bar turns amber from " + facts.warningPercent() + " % used and red from "
                                + facts.criticalPercent() + " %; the Usage dashboard (Ctrl+U) starts from the same "
                                + "thresholds. Change them, the theme and the size of the cells in Edit \u2192 "
                                + "Preferences."))),
                new Section("Handing out addresses", List.of(
                        new Paragraph("**Reserve** (Ctrl+R, or double-click a free cell) records the address you "
                                + "choose. **Allocate next free** (Ctrl+N) lets IPDesk pick the lowest free address: "
                                + "never a network or broadcast address, the gateway, an address in a DHCP pool or "
                                + "reserved range, or one already held. **Allocate block** takes several "
                                + "contiguous addresses; **Allocate dual-stack pair** takes one IPv4 and one IPv6 "
                                + "address for one host name, both or neither."),
                        new Paragraph("**Ranges.** Select cells in the grid and choose Address \u2192 Mark as DHCP "
                                + "pool or reserved range. A **DHCP pool** belongs to your DHCP server: IPDesk never "
                                + "allocates in it, and only addresses with status dhcp may be recorded there. A "
                                + "**reserved range** is kept back from automatic allocation; you can still reserve "
                                + "an address in it by hand."),
                        new Paragraph("Every command checks the same rules and either completes or changes "
                                + "nothing. When one is refused the message says why and names what is in the way "
                                + "(\u201c10.0.0.5 is already allocated to web-01\u201d)."))),
                new Section("Undo and history", List.of(
                        new Paragraph("**Undo** (Ctrl+Z) takes back the commands of this window, newest first; "
                                + "**Redo** (Ctrl+Shift+Z or Ctrl+Y) does them again. Each undo is a new change under "
                                + "the same rules: if another program took the address meanwhile, the undo is refused "
                                + "with the reason and nothing changes. Opening another database clears the list."),
                        new Paragraph("**History** (Ctrl+H) lists every change written to the file, by this window, "
                                + "another window, the command line or an import: who made it, when, and the object "
                                + "before and after."))),
                new Section("One file, shared safely", List.of(
                        new Paragraph("Everything lives in one **SQLite database file**; there is no server. Other "
                                + "IPDesk windows and the `ipdesk` command line (scripts, cron jobs) can work on the "
                                + "same file at the same time: each change is one transaction, writers take turns, "
                                + "and two programs never hand out the same address. The window checks once a second "
                                + "whether another program changed the file and then reads it again, keeping your "
                                + "selection."),
                        new Paragraph("For example `ipdesk --db FILE ip next 10.0.0.0/24 --hostname web-05` "
                                + "allocates from a script while the window is open; `ipdesk --help` lists every "
                                + "command."))),
                new Section("Backups", List.of(
                        new Paragraph("**File \u2192 Back up** (or `ipdesk backup FILE`) writes a consistent copy of "
                                + "the database, even while IPDesk or another program is writing to it. The copy is "
                                + "an ordinary IPDesk database: **File \u2192 Restore** opens it as the current "
                                + "database, and the file open until then stays as it is on disk."))),
                new Section("Where your data lives", List.of(
                        new Places(List.of(
                                new Place("Data folder", facts.dataFolder().toString()),
                                new Place("Default database", facts.defaultDatabase().toString()),
                                new Place("Settings", facts.settingsFile().toString()),
                                new Place("Open now", facts.openDatabase().toString()))),
                        new Paragraph("The default database is created on first start; File \u2192 Open the default "
                                + "database goes back to it. Started without `--db FILE`, IPDesk opens what Edit "
                                + "\u2192 Preferences says: the last database used, or always one file. The settings "
                                + "file keeps the preferences and the recent files. Help \u2192 Keyboard shortcuts "
                                + "(F1) lists every shortcut."))));
    }
}
