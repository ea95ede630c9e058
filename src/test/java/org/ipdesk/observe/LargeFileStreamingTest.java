package org.ipdesk.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.ipdesk.address.Ip;
import org.ipdesk.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated 200,000-row Kea lease file, as Kea's memfile grows between clean-ups: four renewals of each of
 * 50,000 addresses. Read row by row, the last row for each address wins.
 */
class LargeFileStreamingTest {
    private static final int ADDRESSES = 50_000;
    private static final int ROWS = 200_000;

    @TempDir
    Path folder;

    @Test
    void twoHundredThousandKeaRowsGiveTheLastRowOfEachAddress() throws IOException {
        Path file = folder.resolve("kea-leases4.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,"
                    + "user_context,pool_id\n");
            for (int row = 0; row < ROWS; row++) {
                int n = row % ADDRESSES;
                out.write("10.100." + (n >> 8) + "." + (n & 255) + String.format(",02:00:00:%02x:%02x:%02x",
                        (n >> 16) & 255, (n >> 8) & 255, n & 255) + ",,3600," + (1795600800L + row) + ",1,0,0,h-"
                        + row + "," + (row == ROWS - 1 ? 1 : 0) + ",,0\n");
            }
        }
        AtomicLong count = new AtomicLong();
        Map<Ip, Observation> sample = new HashMap<>();
        Ip first = Ip.parse("10.100.0.0");
        Ip someOther = Ip.parse("10.100.100.100");

        ReadSummary summary = new KeaCsvReader().read(file, Optional.empty(), seen -> {
            count.incrementAndGet();
            if (seen.ip().equals(first) || seen.ip().equals(someOther)) {
                sample.put(seen.ip(), seen);
            }
        }, problem -> {
            throw new AssertionError(problem.toString());
        });

        // the very last row declines its address (state 1): 49,999 addresses stay in use
        assertThat(count.get()).isEqualTo(ADDRESSES - 1);
        assertThat(summary.lines()).isEqualTo(ROWS + 1);
        assertThat(summary.observations()).isEqualTo(ADDRESSES - 1);
        assertThat(sample.get(first).hostname()).contains("h-150000");
        int other = (100 << 8) + 100;
        assertThat(sample.get(someOther).hostname()).contains("h-" + (3 * ADDRESSES + other));
    }
}
