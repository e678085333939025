package org.dxaflow.results;

import org.dxaflow.orderbook.OrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each announced object against its order (by accession number, then Study Instance UID).
 * The results step reads these rows to build densitometry results.
 */
public final class StoredObjectRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(StoredObjectRecorder.class);

    private final StoredObjectStore objects;
    private final OrderStore orders;

    public StoredObjectRecorder(StoredObjectStore objects, OrderStore orders) {
        this.objects = objects;
        this.orders = orders;
    }

    /** Returns RECORDED, DUPLICATE or UNMATCHED (recorded, but no order found yet). */
    public String record(StoredObjectEvent event) {
        Long orderId = orders.idFor(event.accessionNumber(), event.studyInstanceUid()).orElse(null);
        if (!objects.record(event, orderId)) {
            return "DUPLICATE";
        }
        LOG.info("Object {} recorded{}", event.sopInstanceUid(),
                orderId == null ? " without a matching order" : " for order " + orderId);
        return orderId == null ? "UNMATCHED" : "RECORDED";
    }
}
