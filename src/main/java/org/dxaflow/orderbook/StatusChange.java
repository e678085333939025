package org.dxaflow.orderbook;

import java.time.Instant;
import org.dxaflow.order.OrderStatus;

/**
 * One change of an order's status, as recorded.
 *
 * @param reasonCode why, in a word the RIS can act on (ORC-16 identifier): RETURNED, REJECTED...
 * @param reasonText why, for a person (ORC-16 text and an NTE)
 */
public record StatusChange(long id, long orderId, OrderStatus from, OrderStatus to, String reasonCode,
        String reasonText, Instant changedAt) {

    /** Why a status changed. */
    public record Reason(String code, String text) {
        public static final Reason NONE = new Reason("", "");

        public Reason {
            code = code == null ? "" : code;
            text = text == null ? "" : text;
        }
    }
}
