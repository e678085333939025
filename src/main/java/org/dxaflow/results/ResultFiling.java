package org.dxaflow.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.dxaflow.gate.ExposureGuard;
import org.dxaflow.gate.ExposureIncident;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.orderbook.OrderEvent;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.results.ResultStore.StoredResult;

/**
 * Stores a result's outcome and what follows from it, in the caller's transaction: the object is
 * filed under its order, the order is completed, and an exposure no JUSTIFIED decision covered
 * when the result was received is recorded as an IRMER incident, the result held for the reporter
 * (never filed silently) and the order left where it is, so it does not go on the worklist.
 */
public final class ResultFiling {

    /** Filing a result again: which action, by whom and why, kept in the result's history. */
    public record Refiling(StoredResult previous, ResultHistory.Action action, String operator, String reason) {
    }

    /**
     * Told of every result filed, in the filing's transaction: the reports step owes a report for
     * a result matched to an order, and must hear of it in the same commit or not at all.
     */
    public interface Listener {
        void filed(Connection c, StoredResult result, boolean filedAgain, Instant now) throws SQLException;
    }

    /** Thrown when the result was filed again by someone else between reading and filing it. */
    public static final class ChangedMeanwhile extends RuntimeException {
        public ChangedMeanwhile(long id) {
            super("result " + id + " was filed again meanwhile; read it again and retry");
        }
    }

    private final ResultStore results;
    private final ResultHistory history;
    private final StoredObjectStore storedObjects;
    private final OrderStore orders;
    private final StatusChanges statuses;
    private final ExposureGuard exposures;
    private final Listener listener;
    private final Clock clock;

    public ResultFiling(ResultStore results, ResultHistory history, StoredObjectStore storedObjects,
            OrderStore orders, StatusChanges statuses, ExposureGuard exposures, Listener listener, Clock clock) {
        this.results = results;
        this.history = history;
        this.storedObjects = storedObjects;
        this.orders = orders;
        this.statuses = statuses;
        this.exposures = exposures;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Stores {@code draft}: a new row, or over {@code refiling.previous()} with the previous outcome
     * kept in the history. Returns the result as stored (flagged when the exposure was unjustified).
     */
    public StoredResult file(Connection c, StoredResult draft, Refiling refiling) throws SQLException {
        Instant now = clock.instant();
        Optional<Order> order = draft.orderId() == null ? Optional.empty() : orders.get(c, draft.orderId());
        Optional<ExposureIncident.DecisionState> unjustified = order.isEmpty() ? Optional.empty()
                : exposures.unjustified(c, order.get(), draft.receivedAt());
        StoredResult r = unjustified.isEmpty() ? draft
                : draft.heldForReview(ExposureIncident.describe(order.get().status(), unjustified.get()));
        long id;
        if (refiling == null) {
            id = results.insert(c, r);
        } else {
            id = refiling.previous().id();
            if (!results.replace(c, refiling.previous(), r)) {
                throw new ChangedMeanwhile(id);
            }
            history.record(c, refiling.previous(), r, refiling.action(), refiling.operator(), refiling.reason(), now);
        }
        if (r.storedObjectId() != null && r.orderId() != null) {
            storedObjects.linkToOrder(c, r.storedObjectId(), r.orderId());
        }
        if (unjustified.isPresent() && !exposures.alreadyRecorded(c, r.orderId(), id)) {
            exposures.record(c, order.get(), unjustified.get(), ExposureIncident.Evidence.RESULT, id, null,
                    r.receivedAt(), now);
        }
        if (r.status() == ResultStatus.COMPUTED && order.isPresent()) {
            // Results mean the scan was done, as MPPS COMPLETED would say (some scanners send no MPPS);
            // an order still awaiting justification stays with the practitioner (the exposure is an incident).
            statuses.apply(c, order.get(), OrderEvent.RESULT_RECEIVED,
                    new StatusChange.Reason("RESULT", "Scanner results received"), now);
        }
        StoredResult filed = results.get(c, id).orElseThrow();
        listener.filed(c, filed, refiling != null, now);
        return filed;
    }

}
