package org.dxaflow.dicom.dimse.service;

import java.util.List;
import org.dxaflow.dicom.net.AcceptorConfig;
import org.dxaflow.dicom.net.AcceptorServices;
import org.dxaflow.dicom.net.Association;
import org.dxaflow.dicom.net.AssociationListener;
import org.dxaflow.dicom.net.AssociationMonitor;
import org.dxaflow.dicom.net.DicomServer;

/** Glue between the upper layer and DIMSE: presentation-context policy and dispatcher per association. */
public final class DimseAcceptorServices implements AcceptorServices {
    private final ServiceRegistry registry;
    private final AcceptorConfig config;

    public DimseAcceptorServices(ServiceRegistry registry, AcceptorConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** Convenience: a server for the config's AE title serving the registry's SOP classes. */
    public static DicomServer server(AcceptorConfig config, ServiceRegistry registry) {
        return server(config, registry, AssociationMonitor.NONE);
    }

    public static DicomServer server(AcceptorConfig config, ServiceRegistry registry, AssociationMonitor monitor) {
        return new DicomServer(config, new DimseAcceptorServices(registry, config), monitor);
    }

    @Override
    public List<String> transferSyntaxesFor(String abstractSyntaxUid) {
        return registry.transferSyntaxesFor(abstractSyntaxUid);
    }

    @Override
    public boolean acceptsRequestorAsScu(String abstractSyntaxUid) {
        return registry.acceptsRequestorAsScu(abstractSyntaxUid);
    }

    @Override
    public boolean acceptsRequestorAsScp(String abstractSyntaxUid) {
        return registry.acceptsRequestorAsScp(abstractSyntaxUid);
    }

    @Override
    public AssociationListener onEstablished(Association association) {
        return new DimseServiceDispatcher(association, registry, config.maxDataSetLength(),
                config.operationDrainTimeout());
    }
}
