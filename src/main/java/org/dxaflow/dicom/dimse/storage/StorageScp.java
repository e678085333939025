package org.dxaflow.dicom.dimse.storage;

import java.io.IOException;
import org.dxaflow.dicom.dimse.CStoreRq;
import org.dxaflow.dicom.dimse.CStoreRsp;
import org.dxaflow.dicom.dimse.DimseCommands;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.DimseReply;
import org.dxaflow.dicom.dimse.service.DimseRequestContext;
import org.dxaflow.dicom.dimse.service.ServiceClassProvider;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage SOP class SCP (PS3.4 annex B), transport side only: turns C-STORE-RQ into a
 * {@link StoreRequest} for the {@link StoreHandler} and its status into the C-STORE-RSP.
 */
public final class StorageScp implements ServiceClassProvider {
    private static final Logger log = LoggerFactory.getLogger(StorageScp.class);

    private final StoreHandler handler;

    public StorageScp(StoreHandler handler) {
        this.handler = handler;
    }

    /** Registers this SCP for each of the given storage SOP classes. */
    public ServiceRegistry.Builder registerWith(ServiceRegistry.Builder registry, Iterable<String> sopClasses) {
        sopClasses.forEach(uid -> registry.register(uid, this));
        return registry;
    }

    @Override
    public DimseReply handle(DimseRequestContext context, DimseMessage request) {
        if (!(request.command() instanceof CStoreRq rq)) {
            return DimseReply.of(DimseCommands.failureResponse(request.command(), Status.UNRECOGNIZED_OPERATION,
                    null));
        }
        if (request.dataSet() == null) {
            return reply(rq, Status.CANNOT_UNDERSTAND, "C-STORE-RQ without data set");
        }
        StoreRequest sr = new StoreRequest(context.callingAeTitle(), context.association().calledAeTitle(),
                context.association().remoteAddress(), rq.affectedSopClassUid(), rq.affectedSopInstanceUid(),
                request.dataSet());
        try {
            int status = handler.store(sr);
            log.info("C-STORE {} {} from {}: status {}", rq.affectedSopClassUid(), rq.affectedSopInstanceUid(),
                    context.callingAeTitle(), Status.hex(status));
            return reply(rq, status, null);
        } catch (StoreRefusedException e) {
            log.warn("C-STORE {} from {} refused: status {}, {}", rq.affectedSopInstanceUid(), context.callingAeTitle(),
                    Status.hex(e.status()), e.getMessage());
            return reply(rq, e.status(), e.getMessage());
        } catch (IOException e) {
            log.error("could not store {} from {}", rq.affectedSopInstanceUid(), context.callingAeTitle(), e);
            return reply(rq, Status.OUT_OF_RESOURCES, "storage failed: " + e.getMessage());
        } catch (Exception e) {
            log.error("store handler failed for {}", rq.affectedSopInstanceUid(), e);
            return reply(rq, Status.PROCESSING_FAILURE, e.getClass().getSimpleName());
        }
    }

    private static DimseReply reply(CStoreRq rq, int status, String comment) {
        return DimseReply.of(new CStoreRsp(rq.messageId(), rq.affectedSopClassUid(), rq.affectedSopInstanceUid(),
                status, comment));
    }
}
