package org.dxaflow.gate;

import org.dxaflow.justification.JustificationDecision;

/** A justification decision as stored for an order: the n-th decision on it ({@code seq} from 1). */
public record StoredDecision(long id, long orderId, int seq, JustificationDecision decision) {
}
