package org.dxaflow.dicom.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.dxaflow.dicom.dimse.service.DimseAcceptorServices;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.net.AcceptorConfig;
import org.dxaflow.dicom.net.AssociationMonitor;
import org.dxaflow.dicom.net.DicomServer;

/** Starts servers on an ephemeral loopback port with short test timeouts. */
public final class TestServers {
    private TestServers() {
    }

    public static AcceptorConfig config(String aeTitle) {
        return AcceptorConfig.defaults(aeTitle).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public static DicomServer start(AcceptorConfig config, ServiceRegistry registry) throws IOException {
        return start(config, registry, AssociationMonitor.NONE);
    }

    public static DicomServer start(AcceptorConfig config, ServiceRegistry registry, AssociationMonitor monitor)
            throws IOException {
        return DimseAcceptorServices.server(config, registry, monitor).start(new InetSocketAddress("127.0.0.1", 0));
    }
}
