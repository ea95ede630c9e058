package org.ipdesk.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.ipdesk.model.CellState;
import org.ipdesk.store.Location;
import org.ipdesk.ui.help.HowItWorks.Facts;
import org.ipdesk.ui.help.HowItWorks.Legend;
import org.ipdesk.ui.help.HowItWorks.LegendEntry;
import org.ipdesk.ui.help.HowItWorks.Paragraph;
import org.ipdesk.ui.help.HowItWorks.Place;
import org.ipdesk.ui.help.HowItWorks.Places;
import org.ipdesk.ui.help.HowItWorks.Section;
import org.junit.jupiter.api.Test;

/** The text of Help → How IPDesk works: every grid state explained, this installation's places and thresholds. */
class HowItWorksTest {

    private final Facts facts = new Facts(Path.of("/home/ann/.local/share/ipdesk"),
            Path.of("/home/ann/.local/share/ipdesk/ipdesk.db"), Path.of("/home/ann/.local/share/ipdesk/settings.json"),
            Location.of(Path.of("/srv/ipam/lab.db")), 70, 90);
    private final List<Section> sections = HowItWorks.sections(facts);

    @Test
    void theLegendExplainsEveryStateOfTheGridOnce() {
        List<LegendEntry> entries = sections.stream().flatMap(s -> s.blocks().stream())
                .filter(Legend.class::isInstance).map(Legend.class::cast).flatMap(l -> l.entries().stream()).toList();
        assertThat(entries).extracting(LegendEntry::state).containsExactly(CellState.values());
        assertThat(entries).allSatisfy(entry -> assertThat(entry.meaning()).isNotBlank());
    }

    @Test
    void itNamesThisInstallationsFilesAndTheThresholdsInForce() {
        List<Place> places = sections.stream().flatMap(s -> s.blocks().stream())
                .filter(Places.class::isInstance).map(Places.class::cast).flatMap(p -> p.places().stream()).toList();
        assertThat(places).extracting(Place::what, Place::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Data folder", "/home/ann/.local/share/ipdesk"),
                org.assertj.core.groups.Tuple.tuple("Default database", "/home/ann/.local/share/ipdesk/ipdesk.db"),
                org.assertj.core.groups.Tuple.tuple("Settings", "/home/ann/.local/share/ipdesk/settings.json"),
                org.assertj.core.groups.Tuple.tuple("Open now", "/srv/ipam/lab.db"));
        assertThat(text()).contains("turns amber from 70 % used and red from 90 %");
    }

    @Test
    void itCoversTheTopicsAFirstRunNeeds() {
        assertThat(sections).extracting(Section::heading).containsExactly("Networks, subnets and addresses",
                "What the colours mean", "Handing out addresses", "Undo and history", "One file, shared safely",
                "Backups", "Where your data lives");
        assertThat(text()).contains("**Allocate next free** (Ctrl+N)", "**DHCP pool**", "**reserved range**",
                "**Undo** (Ctrl+Z)", "**History** (Ctrl+H)", "`ipdesk backup FILE`", "**File \u2192 Back up**",
                "Edit \u2192 Preferences");
        // every ** and ` is paired, so the page shows no stray markers
        for (String paragraph : paragraphs()) {
            assertThat(paragraph.split("\\*\\*", -1).length % 2).as(paragraph).isEqualTo(1);
            assertThat(paragraph.split("`", -1).length % 2).as(paragraph).isEqualTo(1);
        }
    }

    private List<String> paragraphs() {
        return sections.stream().flatMap(s -> s.blocks().stream()).filter(Paragraph.class::isInstance)
                .map(b -> ((Paragraph) b).markup()).toList();
    }

    private String text() {
        return String.join("\n", paragraphs());
    }
}
