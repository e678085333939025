package org.dxaflow.dicom.dimse.service;

import org.dxaflow.dicom.dimse.DimseMessage;

/**
 * The SCP side of one SOP class family, registered per abstract syntax in a {@link ServiceRegistry}.
 *
 * <p>Called on the association's operation thread, one request at a time per association, while
 * the read thread keeps reading: so a long-running provider (C-FIND) can see a C-CANCEL through
 * {@link DimseRequestContext#isCancelled()} and stream pending responses through
 * {@link DimseRequestContext#sendPending}.
 */
@FunctionalInterface
public interface ServiceClassProvider {

    /**
     * @return the final response (never a pending one); throwing yields a Processing Failure
     *     (0x0110) response, so an exception never leaves a request unanswered
     */
    DimseReply handle(DimseRequestContext context, DimseMessage request) throws Exception;
}
