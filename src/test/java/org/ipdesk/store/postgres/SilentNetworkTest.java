package org.ipdesk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.ipdesk.address.Cidr;
import org.ipdesk.allocator.Allocator;
import org.ipdesk.allocator.Strategy;
import org.ipdesk.model.AddressDetails;
import org.ipdesk.model.Subnet;
import org.ipdesk.model.SubnetSpec;
import org.ipdesk.store.ChangeFeed;
import org.ipdesk.store.OpenMode;
import org.ipdesk.store.ServerLocation;
import org.ipdesk.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network between a desk and the team server goes silent (no reset: a pulled cable, a dropped VPN). A command
 * fails after the socket timeout with a message instead of hanging; the change feed notices within seconds and says
 * the connection is lost; when the network is back, both recover by themselves.
 */
class SilentNetworkTest {
    private FreezingProxy proxy;
    private String before;

    @BeforeEach
    void shortTimeout() {
        before = System.getProperty("ipdesk.postgres.socketTimeout");
        System.setProperty("ipdesk.postgres.socketTimeout", "2");
    }

    @AfterEach
    void restore() throws Exception {
        if (before == null) {
            System.clearProperty("ipdesk.postgres.socketTimeout");
        } else {
            System.setProperty("ipdesk.postgres.socketTimeout", before);
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aCommandOverASilentNetworkFailsWithAMessageAndTheFeedSaysSoThenBothRecover() throws Exception {
        ServerLocation direct = TestPostgres.freshIpdeskDatabase();
        proxy = new FreezingProxy(direct.host(), direct.port());
        ServerLocation viaProxy = new ServerLocation("127.0.0.1", proxy.port(), direct.database(), direct.user(),
                "disable");

        try (Allocator desk = Allocator.open(viaProxy, OpenMode.EXISTING)) {
            desk.createNetwork("dc1", "");
            Subnet lan = desk.createSubnet("dc1", SubnetSpec.of(Cidr.parse("10.0.0.0/24")));
            ChangeFeed feed = desk.changeFeed();
            assertThat(feed.connected()).isTrue();

            proxy.freeze();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                assertThatThrownBy(() -> desk.allocateNext(lan.id(), 1, Strategy.FIRST, AddressDetails.allocated("web-01")))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("PostgreSQL server 127.0.0.1:" + proxy.port())
                        .hasMessageNotContaining("PSQLException");
                while (feed.connected()) {
                    Thread.sleep(100);
                }
            });

            proxy.thaw();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                while (!feed.connected()) {
                    Thread.sleep(100);
                }
            });
            assertThat(desk.allocateNext(lan.id(), 1, Strategy.FIRST, AddressDetails.allocated("web-02")))
                    .singleElement().satisfies(a -> assertThat(a.details().hostname()).isEqualTo("web-02"));
        }
        try (Allocator check = Allocator.open(direct, OpenMode.EXISTING)) {
            assertThat(check.addresses(check.findSubnet(Cidr.parse("10.0.0.0/24"), java.util.Optional.of("dc1"))
                    .id())).as("the command that timed out left nothing behind").singleElement()
                    .satisfies(a -> assertThat(a.details().hostname()).isEqualTo("web-02"));
        }
    }
}
