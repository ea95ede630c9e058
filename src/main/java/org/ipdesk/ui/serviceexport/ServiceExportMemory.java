package org.ipdesk.ui.serviceexport;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.ipdesk.service.ServiceTarget;

/**
 * What File → Export to DHCP/DNS… remembers while the window is open, so that the next export of a server compares
 * with (and replaces) the files of the last one: the server written last, the path written per server, and the BIND
 * zone, name server and hostmaster. Only a successful write is remembered. Used on the JavaFX thread only.
 */
public final class ServiceExportMemory {
    private final Map<ServiceTarget, String> paths = new EnumMap<>(ServiceTarget.class);
    private ServiceTarget lastTarget = ServiceTarget.KEA;
    private String zone = "";
    private String nameServer = "";
    private String hostmaster = "";

    /** The server written last; Kea before anything was written. */
    public ServiceTarget lastTarget() {
        return lastTarget;
    }

    /** Where {@code target}'s files were written last. */
    public Optional<String> path(ServiceTarget target) {
        return Optional.ofNullable(paths.get(target));
    }

    public String zone() {
        return zone;
    }

    public String nameServer() {
        return nameServer;
    }

    public String hostmaster() {
        return hostmaster;
    }

    void written(ServiceTarget target, String path, String zone, String nameServer, String hostmaster) {
        lastTarget = target;
        paths.put(target, path);
        if (target == ServiceTarget.BIND) {
            this.zone = zone;
            this.nameServer = nameServer;
            this.hostmaster = hostmaster;
        }
    }
}
