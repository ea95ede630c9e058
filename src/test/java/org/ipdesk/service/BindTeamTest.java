package org.ipdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.model.AddressStatus;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.Team;
import org.ipdesk.store.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BIND zones from a team database: an editor's export keeps the serials there; a viewer's is refused up front. */
class BindTeamTest {
    @TempDir
    Path dir;

    @Test
    void anEditorsExportStoresTheSerialsAndAViewersIsRefusedBeforeAnythingIsWritten() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        try (Allocator owner = Allocator.open(location, OpenMode.EXISTING)) {
            owner.createNetwork("dc1", "");
            Subnet lan = owner.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
            ServiceTestData.hold(owner, lan, "10.0.0.5", AddressStatus.ALLOCATED, "web-01", null);
        }
        ServerLocation editor = TestPostgres.member(location, "zone_editor");
        ServerLocation viewer = TestPostgres.member(location, "zone_viewer");
        try (Allocator owner = Allocator.open(location, OpenMode.EXISTING)) {
            Team team = owner.team().orElseThrow();
            team.grant(editor.user().orElseThrow(), Team.Role.EDITOR);
            team.grant(viewer.user().orElseThrow(), Team.Role.VIEWER);
        }
        Path folder = Files.createDirectories(dir.resolve("zones"));
        BindSettings settings = BindSettings.of("dc1.example", "", "", 3600, folder);

        try (Allocator asViewer = Allocator.open(viewer, OpenMode.EXISTING)) {
            ServiceOutput output = BindExport.prepare(asViewer, ServiceScope.everything(), settings,
                    BindCheckTest.DAY);
            assertThat(output.files()).extracting(ServiceFile::name).contains("dc1.example.zone");
            assertThatThrownBy(() -> ServiceExports.write(asViewer, output, folder))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("nothing written: BIND zone files keep their SOA serials in the database, and a"
                            + " viewer of this team database may not change it; an editor or admin exports the zones");
            assertThat(folder.toFile().list()).isEmpty();
        }
        try (Allocator asEditor = Allocator.open(editor, OpenMode.EXISTING)) {
            ServiceOutput output = BindExport.prepare(asEditor, ServiceScope.everything(), settings,
                    BindCheckTest.DAY);
            ServiceExports.write(asEditor, output, folder);
            assertThat(asEditor.zoneSerial("dc1.example")).hasValue(2026112800L);
            assertThat(asEditor.zoneSerial("0.0.10.in-addr.arpa")).hasValue(2026112800L);
        }
        try (Allocator asViewer = Allocator.open(viewer, OpenMode.EXISTING)) {
            // a viewer reads them: its preview counts on from the stored serial
            ServiceOutput output = BindExport.prepare(asViewer, ServiceScope.everything(), settings,
                    BindCheckTest.DAY);
            assertThat(output.files().get(0).content()).contains("2026112801\t; serial");
        }
    }

    @Test
    void aTeamDatabaseBroughtUpToDateGivesItsEditorsTheSerialTableWithoutTeamInit() throws Exception {
        ServerLocation location = TestPostgres.freshIpdeskDatabase();
        ServerLocation editor = TestPostgres.member(location, "zone_old_editor");
        ServerLocation viewer = TestPostgres.member(location, "zone_old_viewer");
        try (Allocator owner = Allocator.open(location, OpenMode.EXISTING)) {
            Team team = owner.team().orElseThrow();
            team.grant(editor.user().orElseThrow(), Team.Role.EDITOR);
            team.grant(viewer.user().orElseThrow(), Team.Role.VIEWER);
        }
        // as a team database of schema 4 was: no dns_zone, no version 5 in the history
        try (java.sql.Connection c = TestPostgres.connect(location); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP TABLE dns_zone");
            st.execute("DELETE FROM flyway_schema_history WHERE version = '5'");
        }
        Allocator.open(location, OpenMode.EXISTING).close(); // the owner's start brings it up to date
        try (Allocator asEditor = Allocator.open(editor, OpenMode.EXISTING)) {
            asEditor.storeZoneSerial("dc1.example", 2026112800L);
        }
        try (Allocator asViewer = Allocator.open(viewer, OpenMode.EXISTING)) {
            assertThat(asViewer.zoneSerial("dc1.example")).hasValue(2026112800L);
            assertThatThrownBy(() -> asViewer.storeZoneSerial("dc1.example", 2026112801L))
                    .isInstanceOf(org.ipdesk.store.StoreException.class);
            assertThat(asViewer.zoneSerial("dc1.example")).hasValue(2026112800L);
        }
    }
}
