package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sslmode=verify-full} against a server with a certificate from a team's own authority: the connection is
 * encrypted and the server's name checked. The authority's certificate is where the PostgreSQL driver (as libpq)
 * looks for it, {@code ~/.postgresql/root.crt}; a server whose certificate is for another name, or a desk without
 * that file, is refused with a message that says so.
 */
class TlsTest {
    @TempDir
    static Path certs;
    @TempDir
    Path home;

    private static EmbeddedPostgres server;
    private String userHome;

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(args)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    @BeforeAll
    static void startServerWithCertificate() throws Exception {
        openssl(certs, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                "/CN=IPDesk test authority", "-keyout", "ca.key", "-out", "ca.crt");
        openssl(certs, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout",
                "server.key", "-out", "server.csr");
        Files.writeString(certs.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl(certs, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "server.crt");
        Files.setPosixFilePermissions(certs.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        server = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certs.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", certs.resolve("server.key").toString())
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void deskWithTheAuthority() throws IOException {
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", userHome);
    }

    private void trustTheAuthority() throws IOException {
        Files.createDirectories(home.resolve(".postgresql"));
        Files.copy(certs.resolve("ca.crt"), home.resolve(".postgresql/root.crt"));
    }

    private static ServerLocation at(String host) {
        return new ServerLocation(host, server.getPort(), "postgres", Optional.of("postgres"), "verify-full");
    }

    @Test
    void verifyFullConnectsToTheServerItsCertificateNamesAndTheLinkIsEncrypted() throws Exception {
        trustTheAuthority();
        try (Allocator desk = Allocator.open(at("localhost"), OpenMode.CREATE)) {
            desk.createNetwork("dc1", "over TLS");
            assertThat(desk.network("dc1").description()).isEqualTo("over TLS");
        }
        try (var c = TestPostgres.connect(at("localhost")); var st = c.createStatement();
             var rs = st.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("the connection is encrypted").isTrue();
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefusedSayingSo() throws Exception {
        trustTheAuthority();
        assertThatThrownBy(() -> Allocator.open(at("127.0.0.1"), OpenMode.CREATE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the server's certificate is not for the name 127.0.0.1 (sslmode=verify-full"
                        + " checks it)")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aServerWithoutTlsIsRefusedWhenTlsIsRequired() {
        ServerLocation plain = TestPostgres.server();
        ServerLocation required = new ServerLocation(plain.host(), plain.port(), plain.database(), plain.user(),
                "require");
        assertThatThrownBy(() -> Allocator.open(required, OpenMode.EXISTING))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("offers no TLS, which sslmode=require requires")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void withoutTheAuthoritysCertificateVerifyFullIsRefusedSayingWhereItIsLookedFor() {
        assertThatThrownBy(() -> Allocator.open(at("localhost"), OpenMode.CREATE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("which this desk does not have: put it (PEM) in " + home.resolve(".postgresql")
                        .resolve("root.crt"))
                .hasMessageNotContaining("Exception");
    }
}
