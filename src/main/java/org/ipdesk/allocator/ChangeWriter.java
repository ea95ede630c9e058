package org.ipdesk.allocator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ipdesk.address.Mac;
import org.ipdesk.model.Address;
import org.ipdesk.model.AddressRange;
import org.ipdesk.model.ChangeAction;
import org.ipdesk.model.Network;
import org.ipdesk.model.Subnet;
import org.ipdesk.store.Session;

/**
 * Writes change-log rows (before and after as JSON) inside the command's own transaction. Public for the dev tools'
 * bulk writes ({@code org.ipdesk.dev}); the commands of the services are the way to change data.
 */
public final class ChangeWriter {
    /**
     * Jackson's mapper, made on the first change written rather than when the window builds its services at start
     * (setting it up costs a cold JVM about 100 ms of processor time).
     */
    private static final class Holder {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private final Clock clock;
    private final String user;

    public ChangeWriter(Clock clock, String user) {
        this.clock = clock;
        this.user = user;
    }

    public Instant now() {
        return clock.instant();
    }

    public void log(Session session, ChangeAction action, String type, String key, Map<String, Object> before,
             Map<String, Object> after) {
        session.insertChange(now(), user, action, type, key, json(before), json(after));
    }

    private static String json(Map<String, Object> state) {
        if (state == null) {
            return "";
        }
        try {
            return Holder.JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the change log entry", e);
        }
    }

    public static Map<String, Object> of(Network network) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", network.name());
        m.put("description", network.description());
        return m;
    }

    public static Map<String, Object> of(Subnet subnet) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", subnet.networkName());
        m.put("cidr", subnet.cidr().toString());
        m.put("name", subnet.name());
        m.put("description", subnet.description());
        m.put("vlan", subnet.vlan().isPresent() ? subnet.vlan().getAsInt() : null);
        m.put("gateway", subnet.gateway().map(Object::toString).orElse(null));
        if (subnet.staleDays().isPresent()) { // written only when set, so older entries read the same
            m.put("stale_days", subnet.staleDays().getAsInt());
        }
        return m;
    }

    public static Map<String, Object> of(Subnet subnet, AddressRange range) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", subnet.networkName());
        m.put("subnet", subnet.cidr().toString());
        m.put("start", range.range().start().toString());
        m.put("end", range.range().end().toString());
        m.put("kind", range.kind().label());
        m.put("description", range.description());
        return m;
    }

    static Map<String, Object> of(Subnet subnet, Address address) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", subnet.networkName());
        m.put("subnet", subnet.cidr().toString());
        m.put("ip", address.ip().toString());
        m.put("status", address.status().label());
        m.put("hostname", address.details().hostname());
        m.put("mac", address.details().mac().map(Mac::canonical).orElse(null));
        m.put("owner", address.details().owner());
        m.put("description", address.details().description());
        return m;
    }
}
