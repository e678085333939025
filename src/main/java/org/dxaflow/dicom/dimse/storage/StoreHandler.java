package org.dxaflow.dicom.dimse.storage;

/**
 * Decides what happens to a received object. Returning success means "I own it now": the SCU will
 * consider it delivered, so only answer success after the object is durably stored.
 */
@FunctionalInterface
public interface StoreHandler {
    /**
     * @return the C-STORE-RSP status (see {@link org.dxaflow.dicom.dimse.Status})
     * @throws StoreRefusedException the object is refused: answered with its status and Error Comment
     * @throws java.io.IOException storage trouble: answered as Out of Resources (0xA700)
     */
    int store(StoreRequest request) throws Exception;
}
